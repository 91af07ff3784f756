import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { allFormSets, formSetFor, listProfiles } from '../../builtin-forms';
import { convertProfile } from '../../commands/convert-profile';
import { readDocument, writeDocument } from '../../document/read-document';
import { Workbook } from '../../engine';
import { loadSample } from '../../engine/__tests__/helpers';
import { exportXlsx } from '../xlsx-export';
import { importXlsx } from '../xlsx-import';

const national2023 = formSetFor(2023, 'national')!;
const national2024 = formSetFor(2024, 'national')!;

/**
 * A clerk's hand-filled 公开09表 (not the exporter's output): title with the unit and year as the national forms
 * print it, 栏次 row, amounts typed as text with commas.
 */
async function handFilledThreePublic(year: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('公开09表');
  ws.addRow([`某某中心${year}年度财政拨款“三公”经费支出决算表`]);
  ws.mergeCells('A1:L1');
  ws.addRow(['部门：某某中心', '', '', '', '', '', '', '', '', '', '', '金额单位：万元']);
  ws.addRow(['预算数', '', '', '', '', '', '决算数']);
  ws.addRow(['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费']);
  ws.addRow(['', '', '小计', '公务用车购置费', '公务用车运行维护费']);
  ws.addRow(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  ws.addRow([
    '1,200.00',
    '0',
    '1,000.00',
    '0',
    '1,000.00',
    '200.00',
    '1,150.00',
    '0',
    '980.00',
    '0',
    '980.00',
    '170.00',
  ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('the national 2024 profile', () => {
  it('is registered beside national 2023 and 上海 2024, with a 2024 catalog', () => {
    expect(listProfiles().map((p) => `${p.id}@${p.year}`)).toEqual([
      'national@2023',
      'national@2024',
      'shanghai@2024',
    ]);
    expect(national2024.profile.name).toContain('2024');
    expect(national2024.catalog.year).toBe(2024);
    // Nothing unverified was added: the same 科目 as 2023 (README.md says what could not be verified).
    expect(national2024.catalog.entries.length).toBe(national2023.catalog.entries.length);
    expect(national2024.tables.map((t) => `${t.code} ${t.title}`)).toEqual(
      national2023.tables.map((t) => `${t.code} ${t.title}`),
    );
  });

  it('a hand-filled national workbook titled 2024年度 imports as national 2024; titled 2023年度, as national 2023', async () => {
    const r24 = await importXlsx(allFormSets(), await handFilledThreePublic(2024));
    expect(r24.ok).toBe(true);
    if (!r24.ok) return;
    expect(r24.profile).toMatchObject({ id: 'national', year: 2024 });
    expect(r24.document.formYear).toBe(2024);
    expect(r24.document.unit.year).toBe(2024);
    expect(r24.document.tables['09']?.values['main']?.['6']).toBe('200');
    expect(r24.document.tables['09']?.values['main']?.['11']).toBe('980');
    expect(r24.report.find((t) => t.table === '09')?.status).toBe('read');
    // Its printed totals (1,200.00 = 0 + 1,000.00 + 200.00) check against the 2024 forms' own formulas (the rules
    // between tables do fire: 公开06表 was not in the file).
    const wb = new Workbook(national2024, r24.document);
    const interTable = new Set(national2024.rules.filter((x) => x.source === 'interTable').map((x) => x.id));
    const findings = wb.findings().filter((f) => f.cell.table === '09');
    expect(findings.filter((f) => !interTable.has(f.rule?.id ?? ''))).toEqual([]);
    expect(findings.map((f) => f.rule?.id)).toContain('x09-06-car');

    const r23 = await importXlsx(allFormSets(), await handFilledThreePublic(2023));
    expect(r23.ok).toBe(true);
    if (!r23.ok) return;
    expect(r23.profile).toMatchObject({ id: 'national', year: 2023 });
    expect(r23.document.formYear).toBe(2023);
  });

  it('the 2023 sample converts to national 2024 with nothing lost, checks as before, and round-trips through xlsx', async () => {
    const sample = loadSample();
    const r = convertProfile(national2023, national2024, sample);
    if (!r.ok) throw new Error(r.message);
    const c = r.conversion;
    expect(c.lost).toEqual([]);
    expect(c.sectionsLost).toEqual([]);
    expect(c.performanceLost).toBe(false);
    expect(c.document.profile).toEqual({ id: 'national', year: 2024 });
    expect(c.document.tables).toEqual(sample.tables);

    const reopened = readDocument(writeDocument(c.document), formSetFor);
    if (!reopened.ok) throw new Error(reopened.message);
    const findings = (wb: Workbook) =>
      wb
        .findings()
        .map((f) => `${f.severity}:${f.cell.table}:${f.cell.row}:${f.cell.col}:${f.difference}`)
        .sort();
    const before = findings(new Workbook(national2023, sample));
    expect(findings(new Workbook(national2024, reopened.document))).toEqual(before);
    expect(before.filter((f) => f.startsWith('error'))).toEqual([]);

    const back = await importXlsx(allFormSets(), await exportXlsx(national2024, reopened.document));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.profile).toMatchObject({ id: 'national', year: 2024 });
    expect(back.document.tables).toEqual(reopened.document.tables);
  });
});
