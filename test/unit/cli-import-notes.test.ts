// `gongkai import` names what it could not read by the text the cell shows. A cell exceljs reads as an object — a
// hyperlink whose text is rich text (Excel writes one when part of a linked cell is formatted) — used to come out as
// “[object Object]”, in the notes and in the document as the kept invalid value.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinFormSet, exportXlsx, formSetFor, readDocument } from '../../src-core';

const run = promisify(execFile);
// Each test runs the built CLI one or more times: on a loaded CI machine a start can take seconds, so these tests
// allow minutes (speed itself is measured in `npm run bench`, never here).
const CLI_TIMEOUT = 180_000;
const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/hanyang-media-center-2023.gongkai.json');

describe('gongkai import notes', { timeout: CLI_TIMEOUT }, () => {
  it('show a linked rich-text cell by its text, never as [object Object]', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gk-import-notes-'));
    try {
      const read = readDocument(await fs.readFile(SAMPLE, 'utf8'), formSetFor);
      if (!read.ok) throw new Error(read.message);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await exportXlsx(builtinFormSet(), read.document)) as unknown as ArrayBuffer);
      const sheet = book.worksheets.find((w) => w.name.includes('01')) as ExcelJS.Worksheet;
      let address = '';
      sheet.eachRow((row, r) =>
        row.eachCell((cell) => {
          if (address === '' && r > 6 && typeof cell.value === 'number') {
            address = cell.address;
            cell.value = {
              text: { richText: [{ text: '12' }, { text: '3x', font: { bold: true } }] },
              hyperlink: 'https://example.invalid/',
            } as unknown as ExcelJS.CellValue;
          }
        }),
      );
      expect(address).not.toBe('');
      const xlsx = path.join(dir, 'linked.xlsx');
      const out = path.join(dir, 'linked.gongkai.json');
      await fs.writeFile(xlsx, new Uint8Array(await book.xlsx.writeBuffer()));

      const r = await run(
        process.execPath,
        [path.join(ROOT, 'bin/gongkai.mjs'), 'import', xlsx, '--out', out],
        {
          cwd: ROOT,
        },
      );
      expect(r.stdout + r.stderr).not.toMatch(/\[object/);
      expect(r.stdout).toMatch(/未读取：公开01表.*“123x”不是有效金额/);
      const written = await fs.readFile(out, 'utf8');
      expect(written).toContain('"123x"');
      expect(written).not.toContain('[object');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
