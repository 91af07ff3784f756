import { loadSampleDocument } from './sample';
import { HyperFormula } from 'hyperformula';
import { builtinFormSet, DocumentSession, Workbook, type GongkaiDocument } from '../src-core';
import { Decimal } from '../src-core/money';
import { generateDepartmentDocument } from './department-document';
import { line, measure } from './stats';

const formSet = builtinFormSet();

/** One-cell edit → findings, on a session: alternate values on a 项 cell so every run recomputes. */
function editBench(doc: GongkaiDocument, table: string, row: string, col: string, runs: number): number[] {
  const s = new DocumentSession(formSet, doc, 10);
  return measure((i) => {
    s.apply(
      { type: 'setCells', table, cells: [{ row, col, text: (1000 + (i % 97) / 100).toFixed(2) }] },
      '输入',
    );
    s.workbook.findings();
  }, runs);
}

/** HyperFormula's sheets: row 1 the 合计, row 2 blank, then the classification rows from row 3 on. */
const FIRST_DATA_ROW = 3;
const HF_COLUMNS: Record<string, number> = { '02': 7, '03': 6, '05': 3 };

/**
 * The same sums as the engine's 02/03/05 (1栏 = Σ其余栏, 款 = Σ项, 类 = Σ款, 合计 = Σ类) in HyperFormula, built in
 * linear time (children grouped by parent code once).
 */
function hyperFormulaSheets(doc: GongkaiDocument) {
  const sheets: Record<string, (string | number | null)[][]> = {};
  for (const t of Object.keys(HF_COLUMNS)) {
    const rows = doc.tables[t]?.rows ?? [];
    const n = HF_COLUMNS[t] as number;
    const rowNumber = new Map(rows.map((r, i) => [r.code, i + FIRST_DATA_ROW]));
    const children = new Map<string, string[]>();
    for (const r of rows) {
      const parent = r.code.length === 3 ? '' : r.code.slice(0, -2);
      const siblings = children.get(parent);
      if (siblings) siblings.push(r.code);
      else children.set(parent, [r.code]);
    }
    const letter = (c: number) => String.fromCharCode(65 + c);
    const sumOf = (kids: readonly string[], c: number) =>
      `=${kids.map((k) => `${letter(c)}${rowNumber.get(k)}`).join('+')}`;
    const data: (string | number | null)[][] = [];
    const classes = children.get('') ?? [];
    data.push(Array.from({ length: n }, (_, c) => (classes.length > 0 ? sumOf(classes, c) : null)));
    data.push(new Array(n).fill(null));
    for (const r of rows) {
      const kids = children.get(r.code) ?? [];
      const me = rowNumber.get(r.code);
      const line: (string | number | null)[] = [];
      for (let c = 0; c < n; c++) {
        if (kids.length > 0) line.push(sumOf(kids, c));
        else if (c === 0) line.push(`=SUM(B${me}:${letter(n - 1)}${me})`);
        else {
          const v = doc.tables[t]?.values[r.code]?.[String(c + 1)];
          line.push(v === undefined ? null : Number(v));
        }
      }
      data.push(line);
    }
    sheets[t] = data;
  }
  return sheets;
}

/** Both must compute the same thing before their speeds mean anything: each table's 合计 1栏, to the cent. */
function assertSameTotals(hf: HyperFormula, wb: Workbook, when: string): string {
  const shown: string[] = [];
  for (const t of Object.keys(HF_COLUMNS)) {
    const ours = wb.cell(t, '合计', '1')?.value;
    const theirs = hf.getCellValue({ sheet: hf.getSheetId(t) as number, row: 0, col: 0 });
    const a = ours === null || ours === undefined ? 'none' : ours.toFixed(2);
    const b = typeof theirs === 'number' ? new Decimal(theirs).toFixed(2) : String(theirs);
    if (a !== b) throw new Error(`HyperFormula and the engine disagree on ${t} 合计 ${when}: ${b} vs ${a}`);
    shown.push(`${t} ${a}`);
  }
  return shown.join(', ');
}

export function runEngineBench(out: (s: string) => void): void {
  out('\n— 引擎 / engine —\n');
  const s = loadSampleDocument();
  out(
    `${line('(a) sample: one-cell edit → findings', editBench(s, '03', '2101102', '2', 2000), '< 1 ms median')}\n`,
  );

  const dept = generateDepartmentDocument(formSet);
  const wb = new Workbook(formSet, dept);
  out(
    `department-scale document: ${dept.tables['03']?.rows?.length} rows in 03 (${wb.equationCount} rule instances), findings: ${wb.findings().filter((f) => f.severity === 'error').length} errors\n`,
  );
  const leaf = dept.tables['03']?.rows?.find((r) => r.code.length === 7)?.code as string;
  out(
    `${line('(b) department: one-cell edit → findings', editBench(dept, '03', leaf, '2', 2000), '< 10 ms p95')}\n`,
  );
  out(
    `${line(
      '(b) department: full recalc (new Workbook)',
      measure(() => void new Workbook(formSet, dept).findings(), 20, 3),
    )}\n`,
  );

  // HyperFormula reference: the same sums over 02/03/05, checked equal to the engine's before any timing.
  const sheets = hyperFormulaSheets(dept);
  let hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  out(`    HyperFormula and the engine agree on the 合计: ${assertSameTotals(hf, wb, 'after build')}\n`);
  out(
    `${line(
      '    HyperFormula: build + full recalc of 02/03/05 sums',
      measure(
        () => {
          hf.destroy();
          hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
        },
        20,
        3,
      ),
    )}\n`,
  );
  const sheetId = hf.getSheetId('03') as number;
  // 0-based row index of the leaf in HyperFormula's 03 sheet.
  const leafRow = (dept.tables['03']?.rows ?? []).findIndex((r) => r.code === leaf) + FIRST_DATA_ROW - 1;
  // The same edit on both sides must give the same totals again.
  hf.setCellContents({ sheet: sheetId, row: leafRow, col: 1 }, 1234.56);
  wb.setCells([{ cell: { table: '03', row: leaf, col: '2' }, text: '1234.56' }]);
  assertSameTotals(hf, wb, 'after an edit');
  out(
    `${line(
      '    HyperFormula: one-cell edit → dependent sums',
      measure((i) => {
        hf.setCellContents({ sheet: sheetId, row: leafRow, col: 1 }, 1000 + (i % 97) / 100);
        hf.getCellValue({ sheet: sheetId, row: 0, col: 0 });
      }, 2000),
    )}\n`,
  );
  hf.destroy();
}

/** The engine alone (no document operation, no undo record): the like-for-like comparison with HyperFormula. */
export function runEngineOnlyBench(out: (s: string) => void): void {
  const dept = generateDepartmentDocument(formSet);
  const wb = new Workbook(formSet, dept);
  const leaf = dept.tables['03']?.rows?.find((r) => r.code.length === 7)?.code as string;
  out(
    `${line(
      '(b) department: engine only, one-cell edit → findings',
      measure((i) => {
        wb.setCells([
          { cell: { table: '03', row: leaf, col: '2' }, text: (1000 + (i % 97) / 100).toFixed(2) },
        ]);
        wb.findings();
      }, 3000),
    )}\n`,
  );
  const s = loadSampleDocument();
  const swb = new Workbook(formSet, s);
  out(
    `${line(
      '(a) sample: engine only, one-cell edit → findings',
      measure((i) => {
        swb.setCells([
          { cell: { table: '03', row: '2101102', col: '2' }, text: (8 + (i % 97) / 100).toFixed(2) },
        ]);
        swb.findings();
      }, 3000),
    )}\n`,
  );
}
