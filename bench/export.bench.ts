import { loadSampleDocument } from './sample';
import { builtinFormSet, exportXlsx, importXlsx, type GongkaiDocument } from '../src-core';
import { generateDepartmentDocument } from './department-document';
import { line, measureAsync, summary } from './stats';

/**
 * Excel export (and import back) of the sample and of the department document at 1×, 4× and 16×, with the 16×/1×
 * ratios (linear would be 16×; the goal is within 20×). Targets: sample < 300 ms; department < 0.5 s each way.
 */
export async function runExportBench(out: (s: string) => void): Promise<void> {
  out('\n— Excel —\n');
  const formSet = builtinFormSet();
  const docs: [string, GongkaiDocument, number, string | undefined][] = [
    ['sample', loadSampleDocument(), 20, '< 300 ms'],
    ['department 1×', generateDepartmentDocument(formSet, { scale: 1 }), 5, '< 500 ms'],
    ['department 4×', generateDepartmentDocument(formSet, { scale: 4 }), 3, undefined],
    ['department 16×', generateDepartmentDocument(formSet, { scale: 16 }), 2, undefined],
  ];
  const medians = new Map<string, { export: number; import: number }>();
  for (const [name, doc, runs, target] of docs) {
    let bytes: Uint8Array = new Uint8Array();
    const exportTimes = await measureAsync(
      async () => {
        bytes = await exportXlsx(formSet, doc);
      },
      runs,
      1,
    );
    const rows = doc.tables['03']?.rows?.length;
    out(
      `${line(`${name}: export xlsx (${rows ?? '—'} rows in 03, ${(bytes.length / 1024).toFixed(0)} KB)`, exportTimes, target)}\n`,
    );
    // The import refuses sheets far beyond a 决算's size (its row limit): then the time to refuse is shown.
    let refused: string | undefined;
    const importTimes = await measureAsync(
      async () => {
        const r = await importXlsx(formSet, bytes);
        refused = r.ok ? undefined : r.message;
      },
      runs,
      1,
    );
    out(`${line(`${name}: import xlsx${refused ? ' — refused' : ''}`, importTimes, target)}\n`);
    if (refused) out(`    (${refused})\n`);
    medians.set(name, {
      export: summary(exportTimes).median,
      import: refused ? Number.NaN : summary(importTimes).median,
    });
  }
  const one = medians.get('department 1×');
  const ratio = (scale: string, key: 'export' | 'import') => {
    const r = (medians.get(`department ${scale}`)?.[key] ?? Number.NaN) / (one?.[key] ?? Number.NaN);
    return Number.isNaN(r) ? 'n/a' : `${r.toFixed(1)}×`;
  };
  out(
    `    vs 1× (median): export 4× ${ratio('4×', 'export')}, 16× ${ratio('16×', 'export')}; import 4× ${ratio('4×', 'import')}, 16× ${ratio('16×', 'import')}   target 16× ≤ 20×\n`,
  );
}
