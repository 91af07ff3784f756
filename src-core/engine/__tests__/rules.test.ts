import { describe, expect, it } from 'vitest';
import { loadFormSet } from '../../template';
import { newDocument, type GongkaiDocument } from '../../document';
import { DocumentSession } from '../../session';
import { Workbook } from '../workbook';
import { formSet, loadSample, shown } from './helpers';
import { profile as national2023 } from '../../../templates/2023';

function sessionOf(doc: GongkaiDocument = loadSample()) {
  return new DocumentSession(formSet, doc);
}
const edit = (table: string, row: string, col: string, text: string | null) =>
  ({ type: 'setCells', table, cells: [{ row, col, text }] }) as const;

describe('printed row formulas (27行=（1+2+…+8）行)', () => {
  it('compute an empty total and follow edits', () => {
    const s = sessionOf(newDocument(2023));
    s.apply(edit('01', '1', '1', '100'), '输入');
    s.apply(edit('01', '28', '1', '5.5'), '输入');
    expect(shown(s.workbook, '01', '27', '1')).toBe('100.00');
    expect(shown(s.workbook, '01', '31', '1')).toBe('105.50');
  });

  it('keep a filled total and check it', () => {
    const s = sessionOf(newDocument(2023));
    s.apply(edit('01', '1', '1', '100'), '输入');
    s.apply(edit('01', '27', '1', '120'), '输入');
    expect(shown(s.workbook, '01', '27', '1')).toBe('120.00');
    const f = s.workbook
      .findings()
      .find((x) => x.cell.row === '27' && x.rule?.formula === '27行=（1+2+3+4+5+6+7+8）行');
    expect(f).toMatchObject({
      kind: 'mismatch',
      severity: 'error',
      expected: '100',
      actual: '120',
      difference: '20',
      canUseComputed: true,
    });
    expect(f?.location).toBe('公开01表 27行 本年收入合计 1栏（金额）');
  });

  it('58行=（32+33+…+57）行 sums all 26 类 rows', () => {
    const s = sessionOf(newDocument(2023));
    s.apply(edit('01', '32', '2', '1'), '输入');
    s.apply(edit('01', '57', '2', '2'), '输入');
    expect(shown(s.workbook, '01', '58', '2')).toBe('3.00');
  });
});

describe('printed column formulas', () => {
  it('1栏各行=（2+…+7）栏各行 applies on every row, 合计 included', () => {
    const s = sessionOf();
    s.apply(edit('02', '2013350', '4', '10'), '输入');
    expect(shown(s.workbook, '02', '2013350', '1')).toBe('240.68');
    expect(shown(s.workbook, '02', '合计', '4')).toBe('10.00');
    expect(shown(s.workbook, '02', '合计', '1')).toBe('1465.41');
  });

  it('6栏各行=（1+2-3）栏各行 subtracts', () => {
    const s = sessionOf(newDocument(2023));
    s.apply({ type: 'insertRows', table: '07', rows: [{ code: '212', name: '城乡社区支出' }] }, '加行');
    s.apply(edit('07', '212', '1', '10'), '输入');
    s.apply(edit('07', '212', '2', '5'), '输入');
    s.apply(edit('07', '212', '4', '12'), '输入');
    expect(shown(s.workbook, '07', '212', '3')).toBe('12.00');
    expect(shown(s.workbook, '07', '212', '6')).toBe('3.00');
    expect(shown(s.workbook, '07', '合计', '6')).toBe('3.00');
  });

  it('1栏=（2+3+6）栏 on the one-row 公开09表', () => {
    const s = sessionOf();
    s.apply(edit('09', 'main', '8', '1.2'), '输入');
    expect(shown(s.workbook, '09', 'main', '7')).toBe('2.09');
    s.apply(edit('09', 'main', '7', '3'), '输入');
    const f = s.workbook.findings().find((x) => x.cell.col === '7');
    expect(f?.rule?.formula).toBe('7栏=（8+9+12）栏');
  });
});

describe('implied rules', () => {
  it('合计=Σ类, 类=Σ款, 款=Σ项 follow an edited 项 up to 公开01表', () => {
    const s = sessionOf();
    s.apply(edit('03', '2101102', '2', '10.17'), '输入');
    expect(shown(s.workbook, '03', '2101102', '1')).toBe('10.17');
    expect(shown(s.workbook, '03', '21011', '2')).toBe('29.61');
    expect(shown(s.workbook, '03', '210', '1')).toBe('29.61');
    expect(shown(s.workbook, '03', '合计', '1')).toBe('1457.41');
    expect(shown(s.workbook, '01', '40', '2')).toBe('29.61');
    expect(shown(s.workbook, '01', '58', '2')).toBe('1457.41');
    // 01 is no longer in balance: income 1455.41 vs expenditure 1457.41.
    expect(s.workbook.findings().some((f) => f.rule?.id === '01-balance' && f.severity === 'error')).toBe(
      true,
    );
  });

  it('06: 301=Σ301xx and 人员经费合计=301+303', () => {
    const s = sessionOf();
    s.apply(edit('06', '30103', '1', '1'), '输入');
    expect(shown(s.workbook, '06', '301', '1')).toBe('270.03');
    expect(shown(s.workbook, '06', '人员经费合计', '1')).toBe('344.37');
  });

  it('04: 2栏各行=（3+4+5）栏各行 and the balance 32行=64行2栏', () => {
    const s = sessionOf();
    expect(shown(s.workbook, '04', '59', '2')).toBe('1455.41');
    s.apply(edit('04', '29', '1', '20'), '输入');
    const f = s.workbook.findings().find((x) => x.rule?.id === '04-balance');
    expect(f).toMatchObject({ severity: 'error', expected: '1455.41', actual: '1475.41' });
  });

  it('a leaf 类 with no 款 is entered, not derived', () => {
    const s = sessionOf(newDocument(2023));
    s.apply({ type: 'insertRows', table: '05', rows: [{ code: '201', name: '一般公共服务支出' }] }, '加行');
    expect(s.workbook.cell('05', '201', '2')?.derived).toBe(false);
    s.apply({ type: 'insertRows', table: '05', rows: [{ code: '20101', name: '人大事务' }] }, '加行');
    expect(s.workbook.cell('05', '201', '2')?.derived).toBe(true);
  });
});

describe('tolerance (尾数)', () => {
  it('a difference within the tolerance is a 尾数 warning, beyond it an error', () => {
    const s = sessionOf();
    const f03 = () => s.workbook.findings().find((f) => f.cell.table === '03' && f.cell.row === '201');
    expect(f03()).toMatchObject({ kind: 'tail', severity: 'warning' });
    s.apply({ type: 'setSettings', settings: { tolerance: '0' } }, '容差');
    expect(f03()).toMatchObject({ kind: 'mismatch', severity: 'error' });
    s.undo();
    expect(f03()).toMatchObject({ kind: 'tail', severity: 'warning' });
  });

  it('is configurable per rule', () => {
    const s = sessionOf();
    s.apply({ type: 'setSettings', settings: { ruleTolerance: { '06-groups': '0' } } }, '容差');
    const f06 = s.workbook.findings().find((f) => f.cell.table === '06');
    expect(f06).toMatchObject({ kind: 'mismatch', severity: 'error' });
    const f03 = s.workbook.findings().find((f) => f.cell.table === '03' && f.cell.row === '201');
    expect(f03?.kind).toBe('tail');
  });
});

describe('bad input', () => {
  it('is kept as typed, marked invalid, and never counted as 0', () => {
    const s = sessionOf();
    s.apply(edit('03', '2101102', '2', '12a'), '输入');
    const cell = s.workbook.cell('03', '2101102', '2');
    expect(cell?.invalidText).toBe('12a');
    expect(cell?.unknown).toBe(true);
    expect(s.document.tables['03']?.values['2101102']?.['2']).toBe('12a');
    // Totals that depend on it are unknown, not computed as if it were 0.
    expect(s.workbook.cell('03', '21011', '2')?.unknown).toBe(true);
    expect(s.workbook.cell('01', '40', '2')?.unknown).toBe(true);
    const f = s.workbook.findings().find((x) => x.kind === 'invalid');
    expect(f?.message).toContain('公开03表 2101102 事业单位医疗 2栏（基本支出）');
    expect(f?.message).toContain('无法识别的金额“12a”');
    s.apply(edit('03', '2101102', '2', '8.17'), '输入');
    expect(s.workbook.findings().some((x) => x.kind === 'invalid')).toBe(false);
    expect(shown(s.workbook, '01', '40', '2')).toBe('27.61');
  });

  it('normalises pasted formats to the canonical amount', () => {
    const s = sessionOf(newDocument(2023));
    s.apply(edit('01', '1', '1', '１，４５５．４１'), '输入');
    expect(s.document.tables['01']?.values['1']?.['1']).toBe('1455.41');
    s.apply(edit('01', '1', '1', '(12.3)'), '输入');
    expect(s.document.tables['01']?.values['1']?.['1']).toBe('-12.3');
  });
});

describe('采用计算值', () => {
  it('clearing an overridden derived cell shows the computed value and removes the findings it caused', () => {
    const s = sessionOf();
    const f = s.workbook.findings().find((x) => x.cell.table === '03' && x.cell.row === '2013399');
    expect(f?.canUseComputed).toBe(true);
    s.apply(edit('03', '2013399', '1', null), '采用计算值');
    expect(shown(s.workbook, '03', '2013399', '1')).toBe('1101.54');
    // The 款 and 类 above now add up both ways, so their 尾数 warnings go too; what is left is the published
    // 合计 基本支出 348.29, which no longer matches 1栏 = 2栏 + 3栏 either.
    expect(shown(s.workbook, '03', '201', '1')).toBe('1332.22');
    const left = s.workbook
      .findings()
      .filter((x) => x.cell.table === '03')
      .map((x) => `${x.cell.row}/${x.cell.col}`);
    expect(left).toEqual(['合计/1', '合计/2']);
  });
});

describe('cycles', () => {
  it('come back as findings, not as a hang or a crash', () => {
    const table = {
      id: '98',
      code: '公开98表',
      title: '测试表',
      shortTitle: '测试',
      unit: '万元',
      orientation: 'portrait',
      kind: 'fixed',
      blocks: [
        {
          id: 'b',
          show: ['label', 'lineNo'],
          columns: [{ key: '1', no: 1, label: '金额' }],
          rows: [
            { key: '1', lineNo: 1, label: '甲' },
            { key: '2', lineNo: 2, label: '乙' },
            { key: '3', lineNo: 3, label: '丙' },
          ],
        },
      ],
      header: [[{ text: '项目' }, { text: '行次' }, { text: '金额' }]],
      formulas: ['1行=（2+3）行', '2行=（1+3）行'],
      notes: [],
      rules: [],
    };
    // The national profile with one more table whose two printed formulas define each other: the profile's text
    // contract still holds (its quantities name the real tables), so only the cycle is under test.
    const set = loadFormSet({ ...national2023, tables: [...national2023.tables, table] });
    const doc: GongkaiDocument = {
      ...newDocument(2023),
      tables: { '98': { values: { '3': { '1': '5' } } } },
    };
    const wb = new Workbook(set, doc);
    const cycle = wb.findings().filter((f) => f.kind === 'cycle');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]?.message).toContain('循环引用');
    expect(wb.cell('98', '1', '1')?.unknown).toBe(true);
    expect(wb.cell('98', '3', '1')?.value?.toFixed()).toBe('5');
  });
});
