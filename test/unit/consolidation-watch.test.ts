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

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cons-watch-'));
  dirs.push(dir);
  const files = threeUnits().map((d, i) => {
    const f = path.join(dir, `单位${i + 1}.gongkai.json`);
    fs.writeFileSync(f, writeDocument(d));
    return f;
  });
  const changed: string[] = [];
  const handlers = createMemberFileHandlers({
    dialogs: { showOpenDialog: async () => ({ canceled: false, filePaths: files }) },
    readFile: async (file) => {
      try {
        return { ok: true, data: new Uint8Array(fs.readFileSync(file)) };
      } catch {
        return { ok: false, message: `找不到“${path.basename(file)}”（已删除或移走）。` };
      }
    },
    readText: async (file) => fs.readFileSync(file, 'utf8'),
    watch: (watched, onChange) => watchMembers(watched, [], onChange),
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
});
