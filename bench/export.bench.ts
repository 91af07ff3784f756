import { loadSampleDocument } from './sample';
import { builtinFormSet, exportXlsx, importXlsx, type GongkaiDocument } from '../src-core';
import { generateDepartmentDocument } from './department-document';
import { line, measureAsync } from './stats';

/** Excel export (and import back) of the sample and the department-scale document. Target: sample xlsx < 300 ms. */
export async function runExportBench(out: (s: string) => void): Promise<void> {
  out('\n— Excel —\n');
  const formSet = builtinFormSet();
  const docs: [string, GongkaiDocument, number][] = [
    ['sample', loadSampleDocument(), 20],
    ['department', generateDepartmentDocument(formSet), 5],
  ];
  for (const [name, doc, runs] of docs) {
    let bytes: Uint8Array = new Uint8Array();
    const exportTimes = await measureAsync(
      async () => {
        bytes = await exportXlsx(formSet, doc);
      },
      runs,
      1,
    );
    out(
      `${line(`${name}: export xlsx (${(bytes.length / 1024).toFixed(0)} KB)`, exportTimes, name === 'sample' ? '< 300 ms' : undefined)}\n`,
    );
    const importTimes = await measureAsync(
      async () => {
        await importXlsx(formSet, bytes);
      },
      runs,
      1,
    );
    out(`${line(`${name}: import xlsx`, importTimes)}\n`);
  }
}
