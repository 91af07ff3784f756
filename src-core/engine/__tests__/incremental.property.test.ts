import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentSession } from '../../session';
import { Workbook } from '../workbook';
import { formSet, loadSample } from './helpers';

/** Everything a view could read from a workbook, as plain text. */
function snapshot(wb: Workbook): string[] {
  const out: string[] = [];
  for (const [tableId, table] of wb.tables) {
    for (const row of table.rows) {
      for (const col of row.columns) {
        const s = wb.cell(tableId, row.key, col);
        out.push(
          `${tableId}/${row.key}/${col}=${s?.unknown ? '?' : (s?.value?.toFixed() ?? '')}|${s?.entered}|${s?.computed?.toFixed() ?? ''}`,
        );
      }
    }
  }
  for (const f of wb.findings()) out.push(`F ${f.severity} ${f.message}`);
  return out;
}

describe('incremental recalculation', () => {
  const sample = loadSample();
  const base = new Workbook(formSet, sample);
  const cells: { table: string; row: string; col: string }[] = [];
  for (const [tableId, table] of base.tables) {
    for (const row of table.rows)
      for (const col of row.columns) cells.push({ table: tableId, row: row.key, col });
  }
  const text = fc.oneof(
    fc.constant(null),
    fc.constant('12a'),
    fc.integer({ min: -50000, max: 200000 }).map((n) => (n / 100).toFixed(2)),
    fc.constantFrom('0', '0.01', '1,455.41', '(3.5)'),
  );
  const edit = fc.record({ cell: fc.constantFrom(...cells), text });

  // 60 runs of full recalculations: 34 s at load 22 against the 30 s default; correctness, not speed, is tested here.
  it(
    'gives the same values and findings as a full recalculation, after every edit, undo and redo',
    { timeout: 180_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
          (steps) => {
            const s = new DocumentSession(formSet, sample);
            for (const group of steps) {
              const byTable = new Map<string, { row: string; col: string; text: string | null }[]>();
              for (const e of group) {
                const list = byTable.get(e.cell.table) ?? [];
                list.push({ row: e.cell.row, col: e.cell.col, text: e.text });
                byTable.set(e.cell.table, list);
              }
              s.apply(
                {
                  type: 'batch',
                  ops: [...byTable].map(([table, edits]) => ({
                    type: 'setCells' as const,
                    table,
                    cells: edits,
                  })),
                },
                '粘贴',
              );
              expect(snapshot(s.workbook)).toEqual(snapshot(new Workbook(formSet, s.document)));
            }
            while (s.undo()) {
              expect(snapshot(s.workbook)).toEqual(snapshot(new Workbook(formSet, s.document)));
            }
            expect(snapshot(s.workbook)).toEqual(snapshot(base));
            s.redo();
            expect(snapshot(s.workbook)).toEqual(snapshot(new Workbook(formSet, s.document)));
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
