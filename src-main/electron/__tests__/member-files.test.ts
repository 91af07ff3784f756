import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchMembers } from '../../node/member-watcher';
import { createMemberFileHandlers } from '../member-files';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup(picked: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-members-'));
  dirs.push(dir);
  const changed: string[] = [];
  const handlers = createMemberFileHandlers({
    dialogs: {
      showOpenDialog: async () => ({ canceled: false, filePaths: picked.map((p) => path.join(dir, p)) }),
    },
    readFile: async (file) => {
      try {
        return { ok: true, data: new Uint8Array(fs.readFileSync(file)) };
      } catch {
        return { ok: false, message: `无法读取“${path.basename(file)}”。` };
      }
    },
    readText: async (file) => fs.readFileSync(file, 'utf8'),
    watch: (files, folders, onChange) => watchMembers(files, folders, onChange),
    notify: (id) => changed.push(id),
    defaultFolder: () => dir,
  });
  return { dir, handlers, changed };
}

describe('member file handlers (单位汇总 in the desktop app)', () => {
  it('reads picked files, refuses to re-read a path never picked, and reads the members a saved 汇总 lists', async () => {
    const { dir, handlers } = setup(['a.gongkai.json', 'gone.gongkai.json']);
    fs.writeFileSync(path.join(dir, 'a.gongkai.json'), '{"a":1}');
    const picked = await handlers.pickMemberFiles();
    expect(picked.status).toBe('read');
    const files = picked.status === 'read' ? picked.files : [];
    expect(files.map((f) => [f.label, f.data ? 'data' : f.message])).toEqual([
      ['a.gongkai.json', 'data'],
      ['gone.gongkai.json', '无法读取“gone.gongkai.json”。'],
    ]);
    const again = await handlers.readMemberFiles({ ids: [path.join(dir, 'a.gongkai.json'), '/etc/passwd'] });
    expect(again.status === 'read' && again.files.map((f) => f.message ?? 'data')).toEqual([
      expect.stringContaining('没有在本次打开的汇总中选择过'),
    ]);

    fs.mkdirSync(path.join(dir, 'units'));
    fs.writeFileSync(path.join(dir, 'units', 'b.gongkai.json'), '{"b":2}');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'x');
    fs.writeFileSync(
      path.join(dir, 'dept.gongkai.json'),
      JSON.stringify({
        consolidation: { members: ['a.gongkai.json', 'units', 'secret.txt', 'missing.gongkai.json'] },
      }),
    );
    const listed = await handlers.readMemberFiles({ departmentFile: path.join(dir, 'dept.gongkai.json') });
    expect(
      listed.status === 'read' && listed.files.map((f) => [f.label, f.data ? 'data' : f.message]),
    ).toEqual([
      ['a.gongkai.json', 'data'],
      ['units/b.gongkai.json', 'data'],
      ['secret.txt', '不是单位文件（*.gongkai.json 或 *.xlsx），没有读取。'],
      ['missing.gongkai.json', expect.stringContaining('missing.gongkai.json')],
    ]);
  });

  it('tells the renderer when a followed member changes on disk, and stops when told', async () => {
    const { dir, handlers, changed } = setup(['a.gongkai.json']);
    const file = path.join(dir, 'a.gongkai.json');
    fs.writeFileSync(file, '{"a":1}');
    await handlers.pickMemberFiles();
    await handlers.watchMemberFiles([file, '/etc/passwd']);
    fs.writeFileSync(`${file}.tmp`, '{"a":2}');
    fs.renameSync(`${file}.tmp`, file);
    await expect.poll(() => changed, { timeout: 10_000 }).toEqual([file]);
    await handlers.watchMemberFiles([]);
    fs.writeFileSync(file, '{"a":3}');
    await new Promise((r) => setTimeout(r, 600));
    expect(changed).toEqual([file]);
  });
});
