import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../document';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { priorYearFrom } from '../prior-year';
import { draftSection } from '../drafts';
import { Workbook } from '../../engine';

describe('last year’s figures from last year’s file', () => {
  it('takes every named quantity and the 类, and the drafts then compare with them', () => {
    // Pretend the sample is last year's file, and this year one 项目 grew by 10.
    const last = { ...loadSample(), unit: { ...loadSample().unit, year: 2022 } };
    const prior = priorYearFrom(formSet, last);
    expect(prior.year).toBe(2022);
    expect(prior.metrics?.['收支总计']).toBe('1455.41');
    expect(prior.byClass?.['201']).toBe('1332.23');
    let doc = applyOperation(loadSample(), { type: 'setFact', key: 'priorYear', value: prior }).doc;
    doc = applyOperation(doc, {
      type: 'setCells',
      table: '03',
      cells: [{ row: '2130599', col: '3', text: '15' }],
    }).doc;
    const text = (
      draftSection('explanation.expenditure', { formSet, wb: new Workbook(formSet, doc), doc }) ?? []
    ).join('');
    expect(text).toContain('与2022年度相比，支出合计增加10万元，增长0.69%');
  });
});
