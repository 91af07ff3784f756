import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../../document';
import type { GongkaiDocument, TableData } from '../../document/types';
import { Decimal } from '../../money';
import { checkInCents } from '../cents-check';
import type { Finding } from '../findings';
import { Workbook } from '../workbook';
import { formSet, loadSample } from './helpers';

/** What the decimal Workbook shows for every cell (decimal text, '' when empty) and its findings. */
function byWorkbook(doc: GongkaiDocument) {
  const shape = Workbook.shapeOf(formSet, doc);
  const wb = new Workbook(formSet, doc, shape);
  const sys = wb.linearSystem();
  const values = sys.cells.map((_, c) => sys.value(c)?.toFixed() ?? '');
  return { shape, values, findings: wb.findings() };
}

function byCents(doc: GongkaiDocument, shape = Workbook.shapeOf(formSet, doc)) {
  const r = checkInCents(shape, doc);
  if (!r) return undefined;
  return {
    values: [...r.cents].map((v) => (Number.isNaN(v) ? '' : (v / 100).toFixed(2).replace(/\.?0+$/, ''))),
    findings: r.findings(),
    failures: r.failures,
  };
}

/** The failures the check in 分 reports before any sentence is written, as the findings say them (any order). */
function failuresOf(findings: readonly Finding[]) {
  return expect.arrayContaining(
    findings.map((f) =>
      expect.objectContaining({
        ruleId: f.rule?.id,
        kind: f.kind,
        severity: f.severity,
        difference: new Decimal(f.difference ?? 'NaN'),
      }),
    ),
  );
}

/** The sample with some of its entered figures changed, so rules break in many places. */
function varied(sample: GongkaiDocument, edits: readonly { k: number; text: string }[]): GongkaiDocument {
  const cells = Object.entries(sample.tables).flatMap(([t, d]) =>
    Object.entries(d.values).flatMap(([r, cols]) => Object.keys(cols).map((c) => [t, r, c] as const)),
  );
  const tables: Record<string, TableData> = structuredClone(sample.tables);
  for (const { k, text } of edits) {
    const [t, r, c] = cells[k % cells.length] as readonly [string, string, string];
    ((tables[t] as TableData).values[r] as Record<string, string>)[c] = text;
  }
  return { ...sample, tables };
}

describe('checking in whole 分 (a 汇总 checks its members this way)', () => {
  const sample = loadSample();

  it('gives the sample exactly the Workbook’s values and findings', () => {
    const w = byWorkbook(sample);
    const c = byCents(sample, w.shape);
    expect(c).toBeDefined();
    expect(c?.values).toEqual(w.values.map((v) => v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')));
    expect(c?.findings).toEqual(w.findings);
    expect(c?.failures).toEqual(failuresOf(w.findings));
    expect(c?.failures.length).toBe(w.findings.length);
    // The published 尾数 are there: the check did not come back empty.
    expect(c?.findings.length).toBe(9);
  });

  it('gives the same findings as the Workbook with figures changed anywhere, errors and 尾数 alike', () => {
    const amount = fc
      .tuple(fc.integer({ min: -99999, max: 9999999 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
      .map(([a, b, frac]) => (frac ? `${a}.${String(b).padStart(2, '0')}` : String(a)));
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.nat(), text: fc.oneof(amount, fc.constant(''), fc.constant('0.5')) }), {
          maxLength: 12,
        }),
        (edits) => {
          const doc = varied(sample, edits);
          const w = byWorkbook(doc);
          const c = byCents(doc, w.shape);
          expect(c?.findings).toEqual(w.findings);
          expect(c?.failures).toEqual(failuresOf(w.findings));
          expect(c?.failures.length).toBe(w.findings.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves to the Workbook what it cannot take exactly: text, more than 2 decimals, huge amounts', () => {
    const shape = Workbook.shapeOf(formSet, sample);
    for (const text of ['12a', '1.005', '12345678901234', '1,455.41', '-0']) {
      const doc = varied(sample, [{ k: 3, text }]);
      expect(checkInCents(shape, doc), text).toBeUndefined();
    }
  });

  it('an empty document has no findings and no values', () => {
    const doc = newDocument(2023, { name: '空' });
    const r = checkInCents(Workbook.shapeOf(formSet, doc), doc);
    expect(r?.findings()).toEqual([]);
    expect([...(r?.cents ?? [])].every(Number.isNaN)).toBe(true);
  });
});
