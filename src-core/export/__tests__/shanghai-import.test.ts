import { describe, expect, it } from 'vitest';
import { allFormSets, formSetFor } from '../../builtin-forms';
import { Workbook } from '../../engine';
import { importXlsx } from '../xlsx-import';
import { shanghaiWorkbook } from './shanghai-fixture';

describe('a hand-filled 上海 2024 template', () => {
  it('is recognised as the 上海 profile, read completely, and checks clean with its 尾数 as warnings', async () => {
    const r = await importXlsx(allFormSets(), await shanghaiWorkbook());
    if (!r.ok) throw new Error(r.message);
    expect(r.profile).toMatchObject({ id: 'shanghai', year: 2024 });
    expect(r.document.profile).toEqual({ id: 'shanghai', year: 2024 });
    expect(r.report.map((t) => t.status)).toEqual(Array(9).fill('read'));
    expect(r.report.flatMap((t) => t.skipped)).toEqual([]);
    const doc = r.document;
    expect(doc.tables['02']?.rows?.map((x) => x.code)).toEqual([
      '205',
      '20502',
      '2050205',
      '208',
      '20805',
      '2080505',
    ]);
    expect(doc.tables['07']?.values.main).toEqual({ '9': '6', '10': '5', '11': '4', '12': '3.5' });
    expect(doc.tables['08']?.note).toBe(
      '说明：上海市XX局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
    );
    expect(doc.tables['09']?.note).toContain('国有资本经营预算');
    const wb = new Workbook(formSetFor(2024, 'shanghai')!, doc);
    const findings = wb.findings();
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    const tails = findings.filter((f) => f.kind === 'tail');
    expect(tails.length).toBeGreaterThan(0);
    expect(tails.every((f) => f.cell.table === '03')).toBe(true);
  });

  it('a mutated copy is caught, the finding naming the row by 科目编码 and the column by its header', async () => {
    const r = await importXlsx(allFormSets(), await shanghaiWorkbook({ income2050205: '999.00' }));
    if (!r.ok) throw new Error(r.message);
    const wb = new Workbook(formSetFor(2024, 'shanghai')!, r.document);
    const errors = wb.findings().filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((f) => f.message).join('\n')).toMatch(
      /表二 20502 普通教育 本年收入合计|表二 2050205 高等教育 本年收入合计/,
    );
  });

  it('names rows and columns in the 上海 terms: no internal 栏次 formula, no “208行”, no 公开NN表 in any finding', async () => {
    const r = await importXlsx(allFormSets(), await shanghaiWorkbook({ income2050205: '999.00' }));
    if (!r.ok) throw new Error(r.message);
    const findings = new Workbook(formSetFor(2024, 'shanghai')!, r.document).findings();
    const row = findings.find((f) => f.cell.row === '2050205' && f.severity === 'error');
    expect(row?.message).toBe(
      '表二 2050205 高等教育 本年收入合计：填报数 999.00，按“本年收入合计等于其余各栏之和”应为 1,000.00（2050205 本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入），相差 -1.00。',
    );
    expect(row?.rule?.text).toBe('本年收入合计等于其余各栏之和');
    const tail = findings.find((f) => f.cell.table === '03' && f.cell.row === '208');
    expect(tail?.instance).toMatch(/^208 本年支出合计 = 基本支出 \+ 项目支出/);
    for (const f of findings) {
      for (const text of [f.message, f.instance ?? '', f.rule?.text ?? ''])
        expect(text).not.toMatch(/\d栏|\d行|栏各行|公开\d\d表|\[合计\]|Σ/);
    }
  });

  it('a file with one table whose header matches no profile is refused, reporting exactly that table', async () => {
    const r = await importXlsx(allFormSets(), await shanghaiWorkbook({ breakTable5: true }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('有 1 张表找到了却读不出');
    expect(r.message).toContain('一般公共预算财政拨款支出决算表');
    expect(r.report?.filter((t) => t.status !== 'read').map((t) => t.table)).toEqual(['05']);
  });
});

describe('a 上海 2024 document', () => {
  it('exports to the 上海 layout (titles without 公开NN表 codes) and reads back as the same document', async () => {
    const { exportXlsx } = await import('../xlsx-export');
    const ExcelJS = (await import('exceljs')).default;
    const first = await importXlsx(allFormSets(), await shanghaiWorkbook());
    if (!first.ok) throw new Error(first.message);
    const forms = formSetFor(2024, 'shanghai')!;
    const bytes = await exportXlsx(forms, first.document);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((w) => w.state !== 'hidden');
    const texts: string[] = [];
    sheet?.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value ?? ''))));
    expect(texts.some((t) => t.includes('收入支出决算总表'))).toBe(true);
    expect(texts.some((t) => /公开\d\d表/.test(t))).toBe(false);
    // The template's title block: the unit's “…2024年度部门决算表” line, the title without the year, 单位：万元.
    expect(first.document.unit.name).toBe('上海市XX局');
    expect(sheet?.getCell('A1').value).toBe('上海市XX局2024年度部门决算表');
    expect(sheet?.getCell('A2').value).toBe('收入支出决算总表');
    expect(texts).toContain('单位：万元');
    expect(texts.some((t) => t.startsWith('部门：'))).toBe(false);
    // 表五 prints its 合计 below the 科目 (the template's layout), the other classification tables above them.
    const labels = (title: string) => {
      const ws = book.worksheets.find((w) =>
        w
          .getSheetValues()
          .some((r) => Array.isArray(r) && r.some((v) => v === title || String(v).endsWith(title))),
      );
      const col: string[] = [];
      ws?.eachRow((row) => row.eachCell((c) => void col.push(String(c.value ?? ''))));
      return col.filter((t) => t === '合计' || /^20[58](\d{2}){0,2}$/.test(t));
    };
    expect(labels('一般公共预算财政拨款支出决算表').slice(-2)).toEqual(['2080505', '合计']);
    expect(
      labels('支出决算表')
        .filter((t) => t === '合计' || t === '205')
        .slice(0, 2),
    ).toEqual(['合计', '205']);
    const again = await importXlsx(allFormSets(), bytes);
    if (!again.ok) throw new Error(again.message);
    expect(again.profile.id).toBe('shanghai');
    expect(again.document.tables).toEqual(first.document.tables);
    expect(again.document.unit.name).toBe('上海市XX局');
  });
});
