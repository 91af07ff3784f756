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
    const importTimes = await measureAsync(
      async () => {
        const r = await importXlsx(formSet, bytes);
        if (!r.ok) throw new Error(`${name}: the exported xlsx does not import: ${r.message}`);
      },
      runs,
      1,
    );
    out(`${line(`${name}: import xlsx`, importTimes, target)}\n`);
    medians.set(name, { export: summary(exportTimes).median, import: summary(importTimes).median });
  }
  const one = medians.get('department 1×');
  const sixteen = medians.get('department 16×');
  if (one && sixteen) {
    out(
      `    16× / 1× (median): export ${(sixteen.export / one.export).toFixed(1)}×, import ${(sixteen.import / one.import).toFixed(1)}×   target ≤ 20×\n`,
    );
  }
}
