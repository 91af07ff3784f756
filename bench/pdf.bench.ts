import { loadSampleDocument } from './sample';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCharts, builtinFormSet, Workbook } from '../src-core';
import { buildPrintHtml } from '../src-core/export';
import { wholePublicationHtml } from '../src-core/export/whole-publication';
import { createChromiumRenderer, renderPdf } from '../src-main/node/pdf';
import { generateDepartmentDocument } from './department-document';
import { line, measure, measureAsync } from './stats';

/**
 * The PDFs as the CLI and the app print them (HTML → the system's headless Chromium → text layer fixed → file),
 * each two ways:
 * - cold: a renderer of its own (Chromium launched, the page printed, Chromium closed) — one `gongkai export`, or
 *   the app's first export;
 * - warm: one renderer kept for the session, as the app keeps its print window and the CLI its Chromium over the
 *   outputs of one call — the second and later exports, which also know the 目录's pages from the first.
 * Targets (issue 10): the sample's tables PDF < 0.8 s, its whole publication < 1.5 s.
 */
export async function runPdfBench(out: (s: string) => void): Promise<void> {
  const formSet = builtinFormSet();
  const sample = loadSampleDocument();
  const department = generateDepartmentDocument(formSet);
  const charts = buildCharts(formSet, new Workbook(formSet, sample), sample);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pdf-bench-'));
  const cases = [
    { name: 'tables PDF, sample', html: () => buildPrintHtml(formSet, sample), runs: 8, target: '< 0.8 s' },
    {
      name: 'tables PDF + cover + 目录, sample',
      html: () => buildPrintHtml(formSet, sample, { cover: true, toc: true }),
      runs: 5,
      target: undefined,
    },
    {
      name: 'publication PDF, sample',
      html: () => wholePublicationHtml(formSet, sample, charts),
      runs: 6,
      target: '< 1.5 s',
    },
    {
      name: 'tables PDF, department',
      html: () => buildPrintHtml(formSet, department),
      runs: 3,
      target: undefined,
    },
  ];
  try {
    for (const c of cases) {
      const file = path.join(dir, 'out.pdf');
      const size = c.html().length;
      out(
        `${line(
          `  print HTML of the ${c.name} (${(size / 1024).toFixed(0)} KB)`,
          measure(() => void c.html(), 5, 1),
        )}\n`,
      );
      const cold = await measureAsync(
        async () => {
          const renderer = createChromiumRenderer();
          try {
            await renderPdf(c.html(), file, renderer);
          } finally {
            await renderer.close();
          }
        },
        c.runs,
        1,
      );
      const pages = pageCount(file);
      out(`${line(`${c.name}, ${pages} p., cold (launch + print + close)`, cold, c.target)}\n`);
      const renderer = createChromiumRenderer();
      try {
        await renderPdf(c.html(), file, renderer);
        const before = renderer.counts.prints;
        const warm = await measureAsync(() => renderPdf(c.html(), file, renderer), c.runs, 0);
        const prints = (renderer.counts.prints - before) / c.runs;
        out(
          `${line(`${c.name}, warm (${prints} print${prints === 1 ? '' : 's'} an export)`, warm, c.target)}\n`,
        );
      } finally {
        await renderer.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function pageCount(file: string): number {
  return (
    fs
      .readFileSync(file)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;
}
