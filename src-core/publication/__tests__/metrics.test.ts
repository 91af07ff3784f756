import { describe, expect, it } from 'vitest';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { classBreakdown, publicationMetrics } from '../metrics';

describe('the publication’s named quantities', () => {
  const wb = new Workbook(formSet, loadSample());
  const m = publicationMetrics(formSet, wb);
  const v = (name: string) => m.get(name)?.value?.toFixed(2) ?? '';

  it('every metric of the template names a cell', () => {
    expect([...m.keys()].sort()).toEqual(Object.keys(formSet.publication.metrics).sort());
  });

  it('reads the sample’s totals', () => {
    expect(v('收支总计')).toBe('1455.41');
    expect(v('基本支出')).toBe('348.29');
    expect(v('项目支出')).toBe('1107.12');
    expect(v('财政拨款收支总计')).toBe('1455.41');
    expect(v('人员经费')).toBe('343.37');
    expect(v('公用经费')).toBe('4.92');
    expect(v('三公经费决算')).toBe('0.89');
    expect(v('公务接待费预算')).toBe('');
  });

  it('lists the 类 of 一般公共预算财政拨款支出', () => {
    expect(classBreakdown(formSet, wb).map((c) => `${c.code} ${c.name} ${c.value?.toFixed(2)}`)).toEqual([
      '201 一般公共服务支出 1332.23',
      '208 社会保障和就业支出 63.89',
      '210 卫生健康支出 27.61',
      '213 农林水支出 5.00',
      '221 住房保障支出 26.68',
    ]);
  });
});
