// What the PDF tests share: the sample, poppler-utils as a reader's tools, and the page sizes they compare with.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtinFormSet, readDocument, type GongkaiDocument } from '../../src-core';
import { chromiumPath } from '../../src-main/node/pdf';

const SAMPLE = path.resolve(__dirname, '../../samples/hanyang-media-center-2023.gongkai.json');

/** The embedded sample, read as the app reads it. */
export function loadSample(formSet = builtinFormSet()): GongkaiDocument {
  const r = readDocument(fs.readFileSync(SAMPLE, 'utf8'), () => formSet);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

/** A poppler-utils command's output; a missing tool or a failure throws with what to install. */
export function run(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${tool} is not available (${r.error.message}): install poppler-utils.`);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Fails early, saying what to install, when Chromium or poppler-utils are missing (they are never downloaded). */
export function requirePdfTools(): void {
  if (!fs.existsSync(chromiumPath())) {
    throw new Error(
      `Chromium not found at ${chromiumPath()}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH. The PDF tests need it and never download a browser.`,
    );
  }
  for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
    const r = spawnSync(tool, ['-v'], { encoding: 'utf8' });
    if (r.error) throw new Error(`${tool} not found: install poppler-utils (apt-get install poppler-utils).`);
  }
}

/** A4 in points, and a tolerance of one point. */
export const A4 = { short: 595.28, long: 841.89 };
export const near = (a: number, b: number): boolean => Math.abs(a - b) < 1;
