import { describe, expect, it } from 'vitest';
import { newDocument } from '../new-document';
import { valueEditsBetween } from '../value-edits';
import { applyOperation } from '../operations';
import type { GongkaiDocument } from '../types';

const withValues = (
  doc: GongkaiDocument,
  values: Record<string, Record<string, Record<string, string>>>,
) => ({
  ...doc,
  tables: Object.fromEntries(Object.entries(values).map(([t, v]) => [t, { values: v }])),
});

describe('valueEditsBetween', () => {
  it('gives the edits that turn one set of values into the other, and applying them does', () => {
    const base = newDocument(2023);
    const before = withValues(base, { '01': { r1: { '1': '100', '2': '5' } }, '09': { r1: { '1': '1' } } });
    const after = withValues(base, {
      '01': { r1: { '1': '0.01', '2': '5' }, r2: { '1': '7' } },
      '05': { r3: { '2': '2' } },
    });
    const ops = valueEditsBetween(before, after);
    expect(ops).toEqual([
      {
        type: 'setCells',
        table: '01',
        cells: [
          { row: 'r1', col: '1', text: '0.01' },
          { row: 'r2', col: '1', text: '7' },
        ],
      },
      { type: 'setCells', table: '09', cells: [{ row: 'r1', col: '1', text: null }] },
      { type: 'setCells', table: '05', cells: [{ row: 'r3', col: '2', text: '2' }] },
    ]);
    let doc: GongkaiDocument = before;
    for (const op of ops) doc = applyOperation(doc, op).doc;
    expect(valueEditsBetween(doc, after)).toEqual([]);
  });
});
