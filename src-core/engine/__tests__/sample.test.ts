import { describe, expect, it } from 'vitest';
import { Workbook } from '../workbook';
import { formSet, loadSample, shown } from './helpers';

describe('the embedded sample (武汉市汉阳区融媒体中心 2023)', () => {
  const wb = new Workbook(formSet, loadSample());

  it('checks with no errors', () => {
    expect(wb.findings().filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reports exactly the published tail differences as 尾数 warnings', () => {
    const warnings = wb
      .findings()
      .map((f) => `${f.kind} ${f.cell.table}/${f.cell.row}/${f.cell.col} ${f.actual} vs ${f.expected}`);
    expect(warnings).toEqual([
      'tail 03/合计/2 348.29 vs 348.28',
      'tail 03/201/1 1332.23 vs 1332.22',
      'tail 03/20133/1 1332.23 vs 1332.22',
      'tail 03/2013399/1 1101.55 vs 1101.54',
      'tail 05/合计/2 348.29 vs 348.28',
      'tail 05/201/1 1332.23 vs 1332.22',
      'tail 05/20133/1 1332.23 vs 1332.22',
      'tail 05/2013399/1 1101.55 vs 1101.54',
      'tail 06/303/1 74.34 vs 74.33',
    ]);
    const f = wb.findings().find((x) => x.cell.table === '03' && x.cell.row === '201');
    expect(f?.rule?.formula).toBe('1栏各行=（2+3+4+5+6）栏各行');
    // The national forms print this notation, so the panel shows the formula itself.
    expect(f?.rule?.text).toBe('1栏各行=（2+3+4+5+6）栏各行');
    expect(f?.difference).toBe('0.01');
    expect(f?.message).toContain('尾数差异');
    // 201's 1栏 is computed from its 款; the tail sits in 2013399, whose published 1栏 is kept and checked.
    expect(f?.canUseComputed).toBe(false);
    expect(f?.message).toContain('计算值 1,332.23');
    const leaf = wb.findings().find((x) => x.cell.table === '03' && x.cell.row === '2013399');
    expect(leaf?.canUseComputed).toBe(true);
    expect(leaf?.message).toContain('填报数 1,101.55');
  });

  it('derives the totals the sample does not store', () => {
    expect(shown(wb, '01', '58', '2')).toBe('1455.41');
    expect(shown(wb, '01', '62', '2')).toBe('1455.41');
    expect(shown(wb, '01', '32', '2')).toBe('1332.23');
    expect(shown(wb, '04', '33', '2')).toBe('1332.23');
    expect(shown(wb, '04', '64', '2')).toBe('1455.41');
    expect(shown(wb, '04', '32', '1')).toBe('1455.41');
    expect(shown(wb, '06', '人员经费合计', '1')).toBe('343.37');
    expect(shown(wb, '09', 'main', '1')).toBe('0.89');
    expect(shown(wb, '02', '合计', '1')).toBe('1455.41');
  });
});
