import { loadSampleDocument } from './sample';
import { HyperFormula } from 'hyperformula';
import { builtinFormSet, DocumentSession, Workbook, type GongkaiDocument } from '../src-core';
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

/** The same sums as the engine's 02/03/05 (1栏 = Σ其余栏, 款 = Σ项, 类 = Σ款, 合计 = Σ类) in HyperFormula. */
function hyperFormulaSheets(doc: GongkaiDocument) {
  const sheets: Record<string, (string | number | null)[][]> = {};
  const cols: Record<string, number> = { '02': 7, '03': 6, '05': 3 };
  for (const t of ['02', '03', '05']) {
    const rows = doc.tables[t]?.rows ?? [];
    const n = cols[t] as number;
    const index = new Map(rows.map((r, i) => [r.code, i + 2]));
    const letter = (c: number) => String.fromCharCode(65 + c);
    const data: (string | number | null)[][] = [];
    const children = (code: string | null) =>
      rows.filter((r) =>
        code === null ? r.code.length === 3 : r.code.length === code.length + 2 && r.code.startsWith(code),
      );
    const sumOf = (kids: { code: string }[], c: number) =>
      kids.length === 0 ? null : `=${kids.map((k) => `${letter(c)}${index.get(k.code)}`).join('+')}`;
    const line0: (string | number | null)[] = [];
    for (let c = 0; c < n; c++) line0.push(sumOf(children(null), c));
    data.push(line0);
    data.push(new Array(n).fill(null)); // spacer so row numbers are 1-based + 1
    for (const r of rows) {
      const kids = children(r.code);
      const line: (string | number | null)[] = [];
      for (let c = 0; c < n; c++) {
        if (kids.length > 0) line.push(sumOf(kids, c));
        else if (c === 0) line.push(`=SUM(B${index.get(r.code)}:${letter(n - 1)}${index.get(r.code)})`);
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

  // HyperFormula reference: the same sums over 02/03/05.
  const sheets = hyperFormulaSheets(dept);
  let hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
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
  const leafRow = (dept.tables['03']?.rows ?? []).findIndex((r) => r.code === leaf) + 2;
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
