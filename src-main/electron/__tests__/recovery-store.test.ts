import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecoverySnapshot } from '../../../src-core/host';
import { createRecoveryStore } from '../recovery-store';

let dir: string;
let file: string;
const snapshot: RecoverySnapshot = {
  text: '{"format":"gongkai"}',
  filePath: '/home/u/报表.gongkai.json',
  fileName: '报表.gongkai.json',
  at: '2024-05-01T08:00:00.000Z',
};

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-recovery-'));
  file = path.join(dir, 'userData', 'recovery.json');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('recovery store', () => {
  it('has nothing to offer at first', async () => {
    expect(await createRecoveryStore(file).read()).toBeNull();
  });

  it('writes a snapshot as JSON and reads it back; the newest wins', async () => {
    const store = createRecoveryStore(file);
    await store.write({ ...snapshot, text: 'old' });
    await store.write(snapshot);
    expect(await store.read()).toEqual(snapshot);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual(snapshot);
    expect((await fs.readdir(path.dirname(file))).sort()).toEqual(['recovery.json']); // no .bak, no temp files
  });

  it('says why an autosave could not be written, naming the file, and succeeds again once it can', async () => {
    // The userData folder cannot be made: a plain file stands where it should be (as a removed or unwritable
    // folder would make it fail; root ignores permissions, so the test uses a shape no user can write through).
    await fs.writeFile(path.join(dir, 'userData'), 'not a folder');
    const store = createRecoveryStore(file);
    const failed = await store.write(snapshot);
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.message).toContain(file);
      expect(failed.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(failed.message).not.toMatch(/ENOTDIR|EEXIST|Error/);
    }
    await fs.rm(path.join(dir, 'userData'));
    expect(await store.write(snapshot)).toEqual({ ok: true });
    expect(await store.read()).toEqual(snapshot);
  });

  it('clears the snapshot (and clearing nothing is fine)', async () => {
    const store = createRecoveryStore(file);
    await store.clear();
    await store.write(snapshot);
    await store.clear();
    expect(await store.read()).toBeNull();
  });

  it('ignores a damaged snapshot', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"text": 1');
    expect(await createRecoveryStore(file).read()).toBeNull();
    await fs.writeFile(file, JSON.stringify({ text: 'x' }));
    expect(await createRecoveryStore(file).read()).toBeNull();
  });

  it('keeps call order: a write issued before a clear never lands after it', async () => {
    const store = createRecoveryStore(file);
    const writing = store.write(snapshot);
    const clearing = store.clear();
    await Promise.all([writing, clearing]);
    expect(await store.read()).toBeNull();
  });

  it('drops autosaves that arrive after the closing clear', async () => {
    const store = createRecoveryStore(file);
    await store.write(snapshot);
    await store.clearForClose();
    await store.write(snapshot);
    expect(await store.read()).toBeNull();
  });

  it('after a crash, closing leaves the snapshot until the page manages it again', async () => {
    const store = createRecoveryStore(file);
    await store.write(snapshot);
    store.preserve();
    await store.clearForClose();
    expect(await store.read()).toEqual(snapshot);

    const other = createRecoveryStore(file);
    other.preserve();
    await other.write({ ...snapshot, text: 'newer' }); // the reloaded page autosaves: it is in charge again
    await other.clearForClose();
    expect(await other.read()).toBeNull();
  });
});
