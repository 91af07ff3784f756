import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile, MAX_IMPORT_BYTES } from '../import-handler';
import { fakeDialogs } from './fake-dialogs';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-import-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('importFile', () => {
  it('offers .xlsx for Excel and .xlsx/.csv for a catalog', async () => {
    const { dialogs, asked } = fakeDialogs({ open: [null, null] });
    const deps = { dialogs, defaultFolder: () => dir };
    expect(await importFile({ purpose: 'excel' }, deps)).toEqual({ status: 'cancelled' });
    expect(await importFile({ purpose: 'catalog' }, deps)).toEqual({ status: 'cancelled' });
    expect(asked.open[0]?.filters).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    expect(asked.open[1]?.filters.flatMap((f) => f.extensions)).toEqual(['xlsx', 'csv']);
    expect(asked.open[0]?.defaultPath).toBe(dir);
  });

  it('returns the bytes and the file name', async () => {
    const file = path.join(dir, '科目.csv');
    await fs.writeFile(file, Buffer.from([0x32, 0x30, 0x31, 0x2c]));
    const { dialogs } = fakeDialogs({ open: [file] });
    const outcome = await importFile({ purpose: 'catalog' }, { dialogs, defaultFolder: () => dir });
    expect(outcome.status).toBe('read');
    if (outcome.status !== 'read') return;
    expect(outcome.fileName).toBe('科目.csv');
    expect(outcome.data).toBeInstanceOf(Uint8Array);
    expect([...outcome.data]).toEqual([0x32, 0x30, 0x31, 0x2c]);
  });

  it('refuses a file over 30 MB with a Chinese message', async () => {
    const file = path.join(dir, 'big.xlsx');
    const handle = await fs.open(file, 'w');
    await handle.truncate(MAX_IMPORT_BYTES + 1);
    await handle.close();
    const { dialogs } = fakeDialogs({ open: [file] });
    expect(await importFile({ purpose: 'excel' }, { dialogs, defaultFolder: () => dir })).toEqual({
      status: 'failed',
      message: '文件太大（30.0 MB），超过 30 MB 的上限，没有导入。',
    });
  });

  it('explains an unreadable file in Chinese', async () => {
    const { dialogs } = fakeDialogs({ open: [path.join(dir, 'gone.xlsx')] });
    const outcome = await importFile({ purpose: 'excel' }, { dialogs, defaultFolder: () => dir });
    expect(outcome).toEqual({ status: 'failed', message: `找不到文件“${path.join(dir, 'gone.xlsx')}”。` });
  });
});
