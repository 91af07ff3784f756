// The desktop app's re-汇总 end to end without Electron: the main side's member handlers and watcher on real files,
// the renderer's ConsolidationState as the panel drives it (notified → re-read → re-summed → what changed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDocument, type GongkaiDocument } from '../../src-core';
import { threeUnits } from '../../src-core/consolidation/__tests__/fixtures';
import { createMemberFileHandlers } from '../../src-main/electron/member-files';
import { watchMembers } from '../../src-main/node/member-watcher';
import { ConsolidationState } from '../../src-renderer/consolidation/consolidation-state';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup(sub = '') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cons-watch-'));
  dirs.push(dir);
  if (sub) fs.mkdirSync(path.join(dir, sub));
  const files = threeUnits().map((d, i) => {
    const f = path.join(dir, sub, `单位${i + 1}.gongkai.json`);
    fs.writeFileSync(f, writeDocument(d));
    return f;
  });
  const changed: string[] = [];
  const handlers = createMemberFileHandlers({
    dialogs: {
      showOpenDialog: async (o) => ({
        canceled: false,
        filePaths: o.properties.includes('openDirectory') ? [path.join(dir, sub)] : files,
      }),
    },
    readFile: async (file) => {
      try {
        return { ok: true, data: new Uint8Array(fs.readFileSync(file)) };
      } catch {
        return { ok: false, message: `找不到“${path.basename(file)}”（已删除或移走）。` };
      }
    },
    readText: async (file) => fs.readFileSync(file, 'utf8'),
    watch: (watched, folders, onChange) => watchMembers(watched, folders, onChange),
    notify: (id) => changed.push(id),
    defaultFolder: () => dir,
  });
  return { dir, files, handlers, changed };
}

/** What the panel does when told a member changed. */
async function onChanged(
  handlers: ReturnType<typeof setup>['handlers'],
  state: ConsolidationState,
  id: string,
) {
  const r = await handlers.readMemberFiles({ ids: [id] });
  if (r.status === 'read') await state.addFiles(r.files, '单位文件在磁盘上变了，已重新读取并汇总：');
}

describe('re-汇总 when a member file changes on disk (desktop app)', () => {
  it('a unit re-saved: re-summed, the notice names the unit, the cell, before → after and by how much', async () => {
    const { files, handlers, changed } = setup();
    const state = new ConsolidationState();
    const picked = await handlers.pickMemberFiles();
    if (picked.status !== 'read') throw new Error('not picked');
    await state.addFiles(picked.files);
    await handlers.watchMemberFiles(state.memberIds());

    // 甲 saved again by its editor (write and rename): 合计 基本支出 13.34 → 14.34.
    const [first] = threeUnits() as [GongkaiDocument];
    const t03 = first.tables['03']!;
    const edited = {
      ...first,
      tables: { '03': { ...t03, values: { ...t03.values, 合计: { '2': '14.34' } } } },
    };
    fs.writeFileSync(`${files[0]}.tmp`, writeDocument(edited));
    fs.renameSync(`${files[0]}.tmp`, files[0] as string);
    await expect.poll(() => changed, { timeout: 10_000 }).toEqual([files[0]]);
    await onChanged(handlers, state, files[0] as string);
    expect(state.lastChange).toEqual([
      '单位文件在磁盘上变了，已重新读取并汇总：',
      // 14.34 is not what 甲's rows add up to (13.33): an error now, where it was a 尾数.
      '甲单位：审核结果由 1 个错误、2 个提示变为 3 个错误、0 个提示。',
      '甲单位：1 个数变了：',
      '  公开03表 合计 2栏（基本支出）：13.34 → 14.34（增加 1.00，汇总数 35.57）',
    ]);
    expect(state.consolidation?.document().tables['03']?.values['合计']?.['2']).toBe('35.57');

    // 乙 deleted: listed as not read, its figures taken out, and said so.
    fs.rmSync(files[1] as string);
    await expect.poll(() => changed.length, { timeout: 10_000 }).toBe(2);
    await onChanged(handlers, state, files[1] as string);
    const said = state.lastChange.join('\n');
    expect(said).toContain(
      '单位2.gongkai.json：无法读取，已不计入汇总——找不到“单位2.gongkai.json”（已删除或移走）。',
    );
    expect(said).toContain(
      '公开03表 2013350 事业运行 2栏（基本支出）：20.00 → 空（减少 20.00，汇总数 10.00）',
    );
    expect(state.consolidation?.members().map((m) => m.status)).toEqual(['included', 'failed', 'included']);
    await handlers.watchMemberFiles([]);
  });

  it('a member folder: its units summed, the 汇总 file lists the folder, a file put there joins, one taken away leaves', async () => {
    const { dir, files, handlers, changed } = setup('各单位');
    const state = new ConsolidationState();
    const picked = await handlers.pickMemberFolder();
    if (picked.status !== 'read') throw new Error('not picked');
    expect(picked.folders).toEqual([{ id: path.join(dir, '各单位'), label: '各单位' }]);
    state.addFolders(picked.folders);
    await state.addFiles(picked.files.slice(0, 2));
    // Saved next to the folder, the 汇总 lists the folder itself, not its files.
    expect(state.departmentFile(path.join(dir, '某局汇总.gongkai.json'))?.consolidation?.members).toEqual([
      '各单位',
    ]);
    await handlers.watchMemberFiles(state.followedIds());
    expect(state.followedIds()).toEqual([path.join(dir, '各单位')]);

    // 丙 was not there yet in this 汇总's eyes; re-reading the folder brings in what is in it now.
    const again = await handlers.readMemberFiles({ ids: state.followedIds() });
    if (again.status !== 'read') throw new Error('not read');
    await state.syncFolders(again.files, '已重新读取各单位文件：');
    expect(state.lastChange).toContain('丙单位：已加入汇总。');
    expect(state.consolidation?.includedCount).toBe(3);

    // A new unit file dropped into the folder joins by itself (the watcher), a unit moved out leaves.
    const [first] = threeUnits() as [GongkaiDocument];
    const added = path.join(dir, '各单位', '单位4.gongkai.json');
    fs.writeFileSync(added, writeDocument({ ...first, unit: { ...first.unit, name: '丁单位' } }));
    await expect.poll(() => changed, { timeout: 10_000 }).toContain(added);
    await onChanged(handlers, state, added);
    expect(state.lastChange).toContain('丁单位：已加入汇总。');
    fs.renameSync(files[1] as string, path.join(dir, '单位2.gongkai.json'));
    await expect.poll(() => changed, { timeout: 10_000 }).toContain(files[1]);
    await onChanged(handlers, state, files[1] as string);
    expect(state.lastChange[1]).toBe('各单位/单位2.gongkai.json：已不在文件夹中，移出汇总。');
    expect(state.lastChange.join('\n')).toContain(
      '2013350 事业运行 2栏（基本支出）：20.00 → 空（减少 20.00，汇总数 20.00）',
    );
    expect(
      state.consolidation?.members().map((m) => (m.status === 'failed' ? m.source.label : m.unit)),
    ).toEqual(['甲单位', '丙单位', '丁单位']);
    await handlers.watchMemberFiles([]);
  });
});
