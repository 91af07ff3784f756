// Session edit cost against the engine's own cost, at growing document sizes, measured in the same run: the
// session (document operation + undo record + engine) must stay within 2× the engine alone at every size.
import { builtinFormSet, DocumentSession, Workbook, type GongkaiDocument } from '../src-core';
import { generateDepartmentDocument } from './department-document';
import { line, summary } from './stats';

const formSet = builtinFormSet();

/** Sizes as multiples of the department document's 1,500 项 rows. */
const SCALES = [1, 4, 16] as const;

function edit(i: number) {
  return (1000 + (i % 97) / 100).toFixed(2);
}

/**
 * One-cell edits → findings on a session and on a bare engine over the same document, alternating one run of each
 * so that the load of a shared machine weighs on both alike.
 */
function interleaved(
  doc: GongkaiDocument,
  leaf: string,
  runs: number,
): { session: number[]; engine: number[] } {
  const s = new DocumentSession(formSet, doc, 500);
  const wb = new Workbook(formSet, doc);
  const session: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < runs + 100; i++) {
    let t0 = performance.now();
    s.apply({ type: 'setCells', table: '03', cells: [{ row: leaf, col: '2', text: edit(i) }] }, '输入');
    s.workbook.findings();
    const ts = performance.now() - t0;
    t0 = performance.now();
    wb.setCells([{ cell: { table: '03', row: leaf, col: '2' }, text: edit(i) }]);
    wb.findings();
    const te = performance.now() - t0;
    if (i >= 100) {
      session.push(ts);
      engine.push(te);
    }
  }
  return { session, engine };
}

export function runSessionBench(out: (s: string) => void): void {
  out('\n— 会话 / session edit vs engine, by document size —\n');
  for (const scale of SCALES) {
    const doc = generateDepartmentDocument(formSet, { scale });
    const rows = doc.tables['03']?.rows ?? [];
    const leaf = rows.find((r) => r.code.length === 7)?.code as string;
    const { session: s, engine } = interleaved(doc, leaf, 2000);
    const ratio = summary(s).median / summary(engine).median;
    out(`${line(`${scale}× (${rows.length} rows in 03): engine only, one-cell edit`, engine)}\n`);
    out(`${line(`${scale}× (${rows.length} rows in 03): session, one-cell edit`, s)}\n`);
    out(`    session / engine (median): ${ratio.toFixed(2)}×   target ≤ 2×\n`);
  }
}
