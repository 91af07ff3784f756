import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainFigures } from '../plain-figures';
import { figuresSchema } from '../read-document';

const SAMPLE = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');

/** zod's reading of the same object, for comparison. */
function byZod(data: unknown) {
  const r = figuresSchema.safeParse(data);
  return r.success ? r.data : undefined;
}

describe('member figures checked by hand (the 汇总 fast path)', () => {
  const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>;

  it('copies the sample exactly as the zod schema does (the same keys, in the same order)', () => {
    const plain = plainFigures(sample);
    expect(plain).toBeDefined();
    expect(plain).toStrictEqual(byZod(sample));
    expect(JSON.stringify(plain)).toBe(JSON.stringify(byZod(sample)));
  });

  it('copies the optional parts (表样, 规则容差, 自定义科目, member list, 说明) as zod does', () => {
    const doc = {
      ...sample,
      profile: { id: 'shanghai', year: 2024 },
      settings: { tolerance: '0.01', ruleTolerance: { 'r-1': '0.05' } },
      catalog: { replace: false, entries: [{ code: '2019999', name: '自定义' }] },
      consolidation: { members: ['units', 'a.gongkai.json'] },
      tables: {
        '03': { rows: [{ code: '201', name: '一般公共服务支出', extra: 1 }], values: {}, note: '无' },
      },
      stray: 'dropped',
    };
    expect(plainFigures(doc)).toStrictEqual(byZod(doc));
  });

  it('never accepts what zod refuses, and gives zod’s result whenever it accepts', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant('0.01'),
      fc.constant('2013350'),
      fc.constant('万元'),
    );
    // Each part is usually valid and sometimes anything, so both paths are exercised.
    const mostly = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: anything, weight: 1 });
    const unit = mostly(
      fc.record({
        name: mostly(fc.string()),
        year: mostly(fc.constant(2023)),
        moneyUnit: mostly(fc.constantFrom('元', '万元')),
        publishDate: mostly(fc.constantFrom('', '2024-01-02')),
        phone: mostly(fc.string()),
      }),
    );
    const table = fc.record(
      {
        rows: mostly(
          fc.array(
            fc.record({
              code: mostly(fc.constantFrom('201', '20133', '2013350')),
              name: mostly(fc.string()),
            }),
            { maxLength: 3 },
          ),
        ),
        values: mostly(
          fc.dictionary(
            fc.string(),
            mostly(fc.dictionary(fc.string(), mostly(fc.string()), { maxKeys: 2 })),
            { maxKeys: 2 },
          ),
        ),
        note: mostly(fc.string()),
      },
      { requiredKeys: [] },
    );
    const doc = fc.record(
      {
        format: fc.constant('gongkai'),
        version: mostly(fc.constant(1)),
        formYear: mostly(fc.constant(2023)),
        profile: mostly(fc.record({ id: mostly(fc.constant('shanghai')), year: mostly(fc.integer()) })),
        unit,
        settings: mostly(fc.record({ tolerance: mostly(fc.constant('0.01')) })),
        tables: mostly(
          fc.dictionary(fc.constantFrom('01', '03', '__proto__', 'x'), mostly(table), { maxKeys: 2 }),
        ),
        catalog: mostly(
          fc.record({
            replace: mostly(fc.boolean()),
            entries: mostly(
              fc.array(fc.record({ code: mostly(fc.constant('2019999')), name: mostly(fc.string()) }), {
                maxLength: 2,
              }),
            ),
          }),
        ),
        consolidation: mostly(
          fc.record({ members: mostly(fc.array(mostly(fc.string()), { maxLength: 2 })) }),
        ),
      },
      { requiredKeys: ['format', 'version', 'formYear', 'unit', 'settings', 'tables'] },
    );
    let accepted = 0;
    fc.assert(
      fc.property(doc, (d) => {
        const plain = plainFigures(d as Record<string, unknown>);
        if (plain !== undefined) {
          accepted++;
          expect(plain).toStrictEqual(byZod(d));
        }
      }),
      { numRuns: 3000 },
    );
    // The comparison ran on accepted documents, not only on refusals.
    expect(accepted).toBeGreaterThan(20);
  });

  it('leaves a bad member to zod (which says what is wrong)', () => {
    expect(
      plainFigures({ ...sample, unit: { ...(sample.unit as object), moneyUnit: '千元' } }),
    ).toBeUndefined();
    expect(plainFigures({ ...sample, tables: { '03': { values: { '201': { '1': 12 } } } } })).toBeUndefined();
  });
});
