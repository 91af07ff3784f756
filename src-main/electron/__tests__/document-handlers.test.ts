import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../node/document-file';
import { createDocumentHandlers, type FileChangedChoice } from '../document-handlers';
import { createRecentFiles } from '../recent-files';
import { fakeDialogs } from './fake-dialogs';

const SAMPLE = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-docs-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function setup(answers: Parameters<typeof fakeDialogs>[0] = {}, changed: FileChangedChoice[] = []) {
  const { dialogs, asked } = fakeDialogs(answers);
  const recent = createRecentFiles({ file: path.join(dir, 'userData', 'recent-files.json') });
  const onRecentChanged = vi.fn();
  const askFileChanged = vi.fn(async (): Promise<FileChangedChoice> => {
    const answer = changed.shift();
    if (answer === undefined) throw new Error('unexpected file-changed question');
    return answer;
  });
  const handlers = createDocumentHandlers({
    dialogs,
    recent,
    documentsDir: path.join(dir, '文档'),
    onRecentChanged,
    askFileChanged,
  });
  return { handlers, asked, recent, onRecentChanged, askFileChanged };
}

async function copySample(name = '汉阳.gongkai.json'): Promise<string> {
  const file = path.join(dir, name);
  await fs.copyFile(SAMPLE, file);
  return file;
}

describe('openDocument', () => {
  it('returns cancelled when the dialog is cancelled', async () => {
    const { handlers, asked } = setup({ open: [null] });
    expect(await handlers.openDocument()).toEqual({ status: 'cancelled' });
    expect(asked.open[0]?.filters[0]).toEqual({ name: '决算公开表文件', extensions: ['gongkai.json'] });
    expect(asked.open[0]?.defaultPath).toBe(path.join(dir, '文档'));
  });

  it('reads the chosen file as text and puts it on the recent list', async () => {
    const file = await copySample();
    const { handlers, recent, onRecentChanged } = setup({ open: [file] });
    expect(await handlers.openDocument()).toEqual({
      status: 'opened',
      filePath: file,
      fileName: '汉阳.gongkai.json',
      text: await fs.readFile(SAMPLE, 'utf8'),
    });
    expect((await recent.list()).map((f) => f.filePath)).toEqual([file]);
    expect(onRecentChanged).toHaveBeenCalled();
    expect(handlers.currentFolder()).toBe(dir);
  });

  it('removes what an interrupted save of this app left beside the file, and nothing else (issue 12.4)', async () => {
    const file = await copySample();
    // An hour-old temporary file of this app (a killed save), another program's temp and a note of the user's.
    const stale = path.join(dir, '.gk-zzzzz-0a1b2c.tmp');
    await fs.writeFile(stale, 'half a save');
    const old = new Date(Date.now() - 2 * 3600_000);
    await fs.utimes(stale, old, old);
    await fs.writeFile(path.join(dir, '.other.tmp'), 'keep');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'keep');
    const { handlers } = setup({ open: [file] });
    expect((await handlers.openDocument()).status).toBe('opened');
    expect((await fs.readdir(dir)).sort()).toEqual(
      ['.other.tmp', 'notes.txt', 'userData', '汉阳.gongkai.json'].sort(),
    );
  });

  it('hands a damaged file to the renderer to explain, but keeps it off the recent list', async () => {
    const file = path.join(dir, 'broken.gongkai.json');
    await fs.writeFile(file, '{"format": "gongkai", ');
    const { handlers, recent } = setup({ open: [file] });
    const outcome = await handlers.openDocument();
    expect(outcome).toMatchObject({ status: 'opened', text: '{"format": "gongkai", ' });
    expect(await recent.list()).toEqual([]);
  });

  it('refuses an oversized file with a Chinese message', async () => {
    const file = path.join(dir, 'huge.gongkai.json');
    const handle = await fs.open(file, 'w');
    await handle.truncate(MAX_DOCUMENT_BYTES + 1); // sparse: no 50 MB actually written
    await handle.close();
    const { handlers } = setup({ open: [file] });
    const outcome = await handlers.openDocument();
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.message).toMatch(
      /^文件太大（50\.0 MB），不像是决算公开表文件，没有打开。$/,
    );
  });

  it('explains a missing file and a folder in Chinese', async () => {
    const { handlers } = setup({ open: [path.join(dir, 'gone.gongkai.json'), dir] });
    expect(await handlers.openDocument()).toEqual({
      status: 'failed',
      message: `找不到文件“${path.join(dir, 'gone.gongkai.json')}”。`,
    });
    expect(await handlers.openDocument()).toEqual({
      status: 'failed',
      message: `“${dir}”是文件夹，不是文件。`,
    });
  });
});

describe('openRecent', () => {
  it('opens a file from the recent list', async () => {
    const file = await copySample();
    const { handlers, recent } = setup();
    await recent.add(file);
    expect(await handlers.openRecent(file)).toMatchObject({ status: 'opened', filePath: file });
  });

  it('refuses a path that is not on the list, without reading it', async () => {
    const { handlers } = setup();
    expect(await handlers.openRecent('/etc/passwd')).toEqual({
      status: 'failed',
      message: '“/etc/passwd”不在最近打开的文件列表中。',
    });
  });

  it('reports a recent file that has gone, and has the menu rebuilt (which drops it)', async () => {
    const file = await copySample();
    const { handlers, recent, onRecentChanged } = setup();
    await recent.add(file);
    await fs.rm(file);
    expect(await handlers.openRecent(file)).toEqual({ status: 'failed', message: `找不到文件“${file}”。` });
    expect(onRecentChanged).toHaveBeenCalled();
    expect(await recent.list()).toEqual([]);
  });
});

describe('saveDocument', () => {
  it('asks where to save a new document, suggesting its name with the extension', async () => {
    const target = path.join(dir, '我的报表');
    const { handlers, asked, recent } = setup({ save: [target] });
    const outcome = await handlers.saveDocument({
      text: '{"a":1}',
      filePath: null,
      saveAs: false,
      suggestedName: '2023 决算',
    });
    expect(asked.save[0]?.defaultPath).toBe(path.join(dir, '文档', '2023 决算.gongkai.json'));
    expect(asked.save[0]?.filters).toEqual([{ name: '决算公开表文件', extensions: ['gongkai.json'] }]);
    expect(outcome).toEqual({
      status: 'saved',
      filePath: `${target}.gongkai.json`,
      fileName: '我的报表.gongkai.json',
    });
    expect(await fs.readFile(`${target}.gongkai.json`, 'utf8')).toBe('{"a":1}');
    expect((await recent.list())[0]?.filePath).toBe(`${target}.gongkai.json`);
  });

  it('returns cancelled when the save dialog is cancelled, writing nothing', async () => {
    const { handlers } = setup({ save: [null] });
    expect(
      await handlers.saveDocument({ text: 'x', filePath: null, saveAs: false, suggestedName: 'a' }),
    ).toEqual({
      status: 'cancelled',
    });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('saves an opened document in place, atomically, keeping the previous version as .bak', async () => {
    const file = await copySample();
    const { handlers } = setup({ open: [file] });
    await handlers.openDocument();
    const outcome = await handlers.saveDocument({
      text: '{"v":2}',
      filePath: file,
      saveAs: false,
      suggestedName: 'x',
    });
    expect(outcome).toEqual({ status: 'saved', filePath: file, fileName: '汉阳.gongkai.json' });
    expect(await fs.readFile(file, 'utf8')).toBe('{"v":2}');
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(await fs.readFile(SAMPLE, 'utf8'));
  });

  it('saves in place a file from the recent list (e.g. restored after a restart)', async () => {
    const file = await copySample();
    const { handlers, recent } = setup();
    await recent.add(file);
    expect(
      await handlers.saveDocument({ text: '{}', filePath: file, saveAs: false, suggestedName: 'x' }),
    ).toMatchObject({
      status: 'saved',
      filePath: file,
    });
  });

  it('shows the dialog for 另存为 even when the document has a place', async () => {
    const file = await copySample();
    const copy = path.join(dir, '副本.gongkai.json');
    const { handlers, asked } = setup({ open: [file], save: [copy] });
    await handlers.openDocument();
    const outcome = await handlers.saveDocument({
      text: '{}',
      filePath: file,
      saveAs: true,
      suggestedName: '汉阳',
    });
    expect(asked.save[0]?.title).toBe('另存为');
    expect(asked.save[0]?.defaultPath).toBe(path.join(dir, '汉阳.gongkai.json'));
    expect(outcome).toMatchObject({ status: 'saved', filePath: copy });
  });

  it('never writes without asking to a path the main process did not hand out', async () => {
    const victim = path.join(dir, 'victim.txt');
    await fs.writeFile(victim, 'keep me');
    const { handlers, asked } = setup({ save: [null] });
    const outcome = await handlers.saveDocument({
      text: 'evil',
      filePath: victim,
      saveAs: false,
      suggestedName: 'v',
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(asked.save).toHaveLength(1);
    expect(await fs.readFile(victim, 'utf8')).toBe('keep me');
  });

  it('reports a failed write in Chinese', async () => {
    const { handlers } = setup({ save: [path.join(dir, 'no-such-folder', 'a.gongkai.json')] });
    const outcome = await handlers.saveDocument({
      text: '{}',
      filePath: null,
      saveAs: false,
      suggestedName: 'a',
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.message).toContain('保存失败：');
  });
});

describe('a file changed on disk since it was opened', () => {
  const mine = (text: string) => ({
    text,
    filePath: null as string | null,
    saveAs: false,
    suggestedName: 'x',
  });

  async function openedThenChanged(changed: FileChangedChoice[], save: (string | null)[] = []) {
    const file = await copySample();
    const env = setup({ open: [file], save }, changed);
    await env.handlers.openDocument();
    // Another program (a second copy of the app, a colleague on the share) writes the file meanwhile.
    await fs.writeFile(file, '{"theirs":true}');
    return { file, ...env };
  }

  it('is saved over without a question when nobody else wrote it (also after our own save)', async () => {
    const file = await copySample();
    const { handlers, askFileChanged } = setup({ open: [file] });
    await handlers.openDocument();
    expect((await handlers.saveDocument({ ...mine('{"v":1}'), filePath: file })).status).toBe('saved');
    expect((await handlers.saveDocument({ ...mine('{"v":2}'), filePath: file })).status).toBe('saved');
    expect(await fs.readFile(file, 'utf8')).toBe('{"v":2}');
    expect(askFileChanged).not.toHaveBeenCalled();
  });

  it('asks; 取消 writes nothing and keeps their version', async () => {
    const { file, handlers, askFileChanged } = await openedThenChanged(['cancel']);
    expect(await handlers.saveDocument({ ...mine('{"mine":true}'), filePath: file })).toEqual({
      status: 'cancelled',
    });
    expect(askFileChanged).toHaveBeenCalledWith(file);
    expect(await fs.readFile(file, 'utf8')).toBe('{"theirs":true}');
  });

  it('覆盖 writes ours, keeping theirs as the .bak; the next save does not ask again', async () => {
    const { file, handlers, askFileChanged } = await openedThenChanged(['overwrite']);
    expect((await handlers.saveDocument({ ...mine('{"mine":1}'), filePath: file })).status).toBe('saved');
    expect(await fs.readFile(file, 'utf8')).toBe('{"mine":1}');
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('{"theirs":true}');
    expect((await handlers.saveDocument({ ...mine('{"mine":2}'), filePath: file })).status).toBe('saved');
    expect(askFileChanged).toHaveBeenCalledTimes(1);
  });

  it('另存为 asks where and leaves their file alone', async () => {
    const other = path.join(dir, '我的.gongkai.json');
    const { file, handlers } = await openedThenChanged(['saveAs'], [other]);
    expect(await handlers.saveDocument({ ...mine('{"mine":true}'), filePath: file })).toMatchObject({
      status: 'saved',
      filePath: other,
    });
    expect(await fs.readFile(file, 'utf8')).toBe('{"theirs":true}');
    expect(await fs.readFile(other, 'utf8')).toBe('{"mine":true}');
  });

  it('重新载入 gives back their version to open instead, writing nothing', async () => {
    const { file, handlers } = await openedThenChanged(['reload']);
    expect(await handlers.saveDocument({ ...mine('{"mine":true}'), filePath: file })).toEqual({
      status: 'reload',
      filePath: file,
      fileName: '汉阳.gongkai.json',
      text: '{"theirs":true}',
    });
    expect(await fs.readFile(file, 'utf8')).toBe('{"theirs":true}');
  });

  it('a file only touched (same content, new time) is not reported', async () => {
    const file = await copySample();
    const { handlers, askFileChanged } = setup({ open: [file] });
    await handlers.openDocument();
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(file, later, later);
    expect((await handlers.saveDocument({ ...mine('{"v":1}'), filePath: file })).status).toBe('saved');
    expect(askFileChanged).not.toHaveBeenCalled();
  });
});
