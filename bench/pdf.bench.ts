import { loadSampleDocument } from './sample';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinFormSet } from '../src-core';
import { buildPrintHtml } from '../src-core/export';
import { renderPdf } from '../src-main/node/pdf';
import { generateDepartmentDocument } from './department-document';
import { line, measure, measureAsync } from './stats';

/**
 * 导出PDF end to end: building the print HTML (pure, src-core), and HTML → PDF file with the system's headless
 * Chromium, as the CLI does it — a fresh Chromium per export, since that is what one click costs. Target: the
 * sample's PDF in under 1.5 s.
 */
export async function runPdfBench(out: (s: string) => void): Promise<void> {
  const formSet = builtinFormSet();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pdf-bench-'));
  try {
    const docs = [
      { name: 'sample', doc: loadSampleDocument(), htmlRuns: 50, pdfRuns: 10, target: '< 1.5 s' },
      {
        name: 'department',
        doc: generateDepartmentDocument(formSet),
        htmlRuns: 10,
        pdfRuns: 3,
        target: undefined,
      },
    ];
    for (const { name, doc, htmlRuns, pdfRuns, target } of docs) {
      const size = buildPrintHtml(formSet, doc).length;
      const htmlTimes = measure(() => void buildPrintHtml(formSet, doc), htmlRuns, 2);
      out(`${line(`print HTML, ${name} (${(size / 1024).toFixed(0)} KB)`, htmlTimes)}\n`);
      const file = path.join(dir, `${name}.pdf`);
      const times = await measureAsync(
        async () => {
          await renderPdf(buildPrintHtml(formSet, doc), file);
        },
        pdfRuns,
        1,
      );
      const pages = (
        fs
          .readFileSync(file)
          .toString('latin1')
          .match(/\/Type\s*\/Page\b/g) ?? []
      ).length;
      out(`${line(`PDF export (HTML → Chromium → file), ${name}, ${pages} p.`, times, target)}\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
