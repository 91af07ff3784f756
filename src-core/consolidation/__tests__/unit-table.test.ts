import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Consolidation, formSetFor, loadFormSet, newDocument, type GongkaiDocument } from '../..';
import { exportDocx } from '../../export/docx-export';
import { exportXlsx } from '../../export/xlsx-export';
import { importXlsx } from '../../export/xlsx-import';
import { buildPublicationHtml } from '../../export/publication-html';
import { profiles } from '../../../templates';

const shanghai = () => {
  const f = formSetFor(2024, 'shanghai');
  if (!f) throw new Error('no 上海 2024 profile');
  return f;
};
const KEY = 'overview.organization';

function shanghaiUnit(name: string, value: string): GongkaiDocument {
  const doc = newDocument(2024, { name }, { id: 'shanghai', year: 2024 });
  return { ...doc, tables: { '01': { values: { '1': { '1': value } } } } };
}

describe('部门决算单位构成 (上海 2024 prints it as a table: 序号, 单位名称, 备注)', () => {
  it('is declared in the profile: the 概况 section lists the units as a table', () => {
    const section = shanghai()
      .publication.parts.flatMap((p) => p.sections ?? [])
      .find((s) => s.unitList);
    expect(section?.key).toBe(KEY);
    expect(section?.unitTable?.columns).toEqual(['序号', '单位名称', '备注']);
  });

  it('a profile whose unitTable is not on its unitList section does not load, and says which', () => {
    const raw = profiles.find((p) => p.id === 'shanghai');
    if (!raw) throw new Error('no raw 上海 profile');
    const publication = structuredClone(raw.publication) as {
      parts: { sections?: { key: string; unitList?: boolean; unitTable?: unknown }[] }[];
    };
    const section = publication.parts[0]?.sections?.find((s) => s.key === KEY);
    if (!section) throw new Error('no section');
    delete section.unitList;
    expect(() => loadFormSet({ ...raw, publication })).toThrow(
      /overview\.organization 有单位构成表（unitTable），但没有标为单位构成（unitList）/,
    );
  });

  it('in a 汇总 follows the member list, 本级 first, a 备注 typed before kept by name', () => {
    const dept = {
      ...shanghaiUnit('上海市某局', '1'),
      sections: {
        [KEY]: { paragraphs: ['本局另有说明。'], units: [{ name: '上海市某中心', note: '事业单位' }] },
      },
    };
    const c = new Consolidation(shanghai(), dept);
    c.setMember(
      { id: 'a', label: 'a.gongkai.json' },
      { ok: true, document: shanghaiUnit('上海市某中心', '2') },
    );
    c.setMember(
      { id: 'b', label: 'b.gongkai.json' },
      { ok: true, document: shanghaiUnit('上海市某研究所', '3') },
    );
    const section = () => c.document().sections?.[KEY];
    expect(section()?.units).toEqual([
      { name: '上海市某局（本级）', note: '' },
      { name: '上海市某中心', note: '事业单位' },
      { name: '上海市某研究所', note: '' },
    ]);
    // The lead sentences are generated; the department's own paragraph is kept; no numbered list beside the table.
    expect(section()?.paragraphs).toEqual([
      '本局另有说明。',
      '从预算单位构成看，上海市某局部门决算包括：上海市某局本级决算、下属单位决算。',
      '纳入上海市某局2024年度部门决算编制范围的单位包括：',
    ]);
    c.removeMember('a');
    expect(section()?.units?.map((u) => u.name)).toEqual(['上海市某局（本级）', '上海市某研究所']);
  });

  it('is printed in the publication HTML and the Word export as typed in a unit’s document', async () => {
    const doc = {
      ...shanghaiUnit('上海市某中心', '2'),
      sections: {
        [KEY]: {
          paragraphs: ['纳入上海市某中心2024年度部门决算编制范围的单位包括：'],
          units: [
            { name: '上海市某中心（本级）', note: '' },
            { name: '上海市某分中心', note: '差额拨款 <事业>' },
          ],
        },
      },
    };
    const html = buildPublicationHtml(shanghai(), doc);
    const table = html.slice(
      html.indexOf('<table class="unit-table">'),
      html.indexOf('</table>', html.indexOf('unit-table')),
    );
    expect(table).toContain('<th>序号</th><th>单位名称</th><th>备注</th>');
    expect(table).toContain(
      '<td class="unit-no">2</td><td>上海市某分中心</td><td>差额拨款 &lt;事业&gt;</td>',
    );
    const zip = await JSZip.loadAsync(await exportDocx(shanghai(), doc));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('<w:tbl>');
    for (const text of ['单位名称', '上海市某中心（本级）', '上海市某分中心', '差额拨款 &lt;事业&gt;'])
      expect(xml).toContain(text);

    const empty = buildPublicationHtml(shanghai(), shanghaiUnit('上海市某中心', '2'));
    expect(empty).toContain('（尚未填写单位）');
  });

  it('in the Excel export of a 汇总: a sheet 部门决算单位构成 lists the members, and a member added appears in it', async () => {
    const c = new Consolidation(shanghai(), { ...shanghaiUnit('上海市某局', '1') });
    c.setMember(
      { id: 'a', label: 'a.gongkai.json' },
      { ok: true, document: shanghaiUnit('上海市某中心', '2') },
    );
    const sheetRows = async (bytes: Uint8Array) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = book.getWorksheet('部门决算单位构成');
      const rows: string[][] = [];
      ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return { rows, visible: ws?.state === 'visible', names: book.worksheets.map((w) => w.name) };
    };
    const before = await sheetRows(await exportXlsx(shanghai(), c.document()));
    expect(before.visible).toBe(true);
    expect(before.rows.slice(2)).toEqual([
      ['序号', '单位名称', '备注'],
      ['1', '上海市某局（本级）', ''],
      ['2', '上海市某中心', ''],
    ]);
    c.setMember(
      { id: 'b', label: 'b.gongkai.json' },
      { ok: true, document: shanghaiUnit('上海市某研究所', '3') },
    );
    const bytes = await exportXlsx(shanghai(), c.document());
    const after = await sheetRows(bytes);
    expect(after.rows.slice(3).map((r) => r[1])).toEqual([
      '上海市某局（本级）',
      '上海市某中心',
      '上海市某研究所',
    ]);
    // The sheet sits after the nine tables; an import reads the workbook back as before (the rows from 文字部分).
    expect(after.names.indexOf('部门决算单位构成')).toBe(shanghai().tables.length);
    const back = await importXlsx(shanghai(), bytes);
    expect(back.ok && back.document.sections?.[KEY]?.units?.map((u) => u.name)).toEqual([
      '上海市某局（本级）',
      '上海市某中心',
      '上海市某研究所',
    ]);
    expect(back.ok && back.document.tables['01']?.values['1']?.['1']).toBe('6');
  });
});
