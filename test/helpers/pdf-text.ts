// Reads a PDF's text layer as readers that do NOT fold look-alike characters do: pdf.js (pdfjs-dist, what browsers
// and many portals show) and MuPDF (PyMuPDF). `pdftotext` maps CJK radicals back to ideographs, so it cannot tell a
// wrong text layer from a right one.
import { spawnSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page as pdf.js extracts it, without its Unicode normalisation. */
export async function pdfjsPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent({ disableNormalization: true });
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const MUPDF_SCRIPT = `
import sys, json, fitz
doc = fitz.open(sys.argv[1])
json.dump([page.get_text() for page in doc], sys.stdout)
`;

/**
 * The text of each page as MuPDF extracts it (PyMuPDF: Debian's python3-fitz). Tries the system's Python first:
 * a Python from pyenv or a venv on PATH usually lacks the Debian module.
 */
export function mupdfPageTexts(file: string): string[] {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', MUPDF_SCRIPT, file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error || r.status !== 0) continue;
    return JSON.parse(r.stdout) as string[];
  }
  throw new Error('PyMuPDF is not available: install python3-fitz (apt-get install python3-fitz).');
}

/** The CJK radicals (Kangxi Radicals, CJK Radicals Supplement) in a text, which a correct text layer has none of. */
export function cjkRadicals(text: string): string[] {
  return [...text].filter((c) => /[\u2e80-\u2eff\u2f00-\u2fdf]/u.test(c));
}

/**
 * A page's text for comparing a preview page with a PDF page: without any white space (the preview's DOM and the
 * PDF's text layer space and break lines differently), its “— N —” number taken out and put first (pdf.js reads the
 * footer before the page's body).
 */
export function squashPageText(text: string): string {
  const flat = text.replace(/\s+/g, '');
  const number = /—(\d+)—/.exec(flat);
  return number ? `[${number[1]}]${flat.replace(number[0], '')}` : flat;
}
