// A real client recalculates the exported workbook: LibreOffice (Debian's libreoffice-calc-nogui) converts it to
// CSV with recalculation forced, and every derived cell must equal the app's value. The cached results are zeroed
// first, so a value can only be right if LibreOffice computed it from the formulas.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinFormSet, parseAmount, parseCsv, readDocument, tableLayout, Workbook } from '../../src-core';
import { exportXlsx } from '../../src-core/export/xlsx-export';
import { sheetGeometry } from '../../src-core/export/sheet-geometry';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

describe('the exported workbook in LibreOffice', () => {
  it('recalculates every derived cell to the app’s value', { timeout: 180_000 }, async () => {
    if (!SOFFICE) throw new Error('没有找到 LibreOffice（apt-get install libreoffice-calc-nogui）');
    const formSet = builtinFormSet();
    const read = readDocument(
      fs.readFileSync(
        path.resolve(__dirname, '../../samples/hanyang-media-center-2023.gongkai.json'),
        'utf8',
      ),
      () => formSet,
    );
    if (!read.ok) throw new Error(read.message);
    const wb = new Workbook(formSet, read.document);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-lo-'));
    const profile = path.join(dir, 'profile');
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);

    // Zero every cached formula result.
    const book = new ExcelJS.Workbook();
    const bytes = await exportXlsx(formSet, read.document);
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    let formulas = 0;
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string } | null;
          if (v && typeof v === 'object' && typeof v.formula === 'string') {
            cell.value = { formula: v.formula, result: 0, date1904: false };
            formulas++;
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(100);
    const xlsx = path.join(dir, 'sample.xlsx');
    await book.xlsx.writeFile(xlsx);

    await run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        dir,
        xlsx,
      ],
      { timeout: 150_000 },
    );

    let compared = 0;
    const wrong: string[] = [];
    for (const t of formSet.tables) {
      const csvFile = path.join(dir, `sample-${t.code}.csv`);
      expect(fs.existsSync(csvFile), csvFile).toBe(true);
      const rows = parseCsv(fs.readFileSync(csvFile, 'utf8'));
      const geometry = sheetGeometry(
        tableLayout(wb.tables.get(t.id) as NonNullable<ReturnType<typeof wb.tables.get>>),
      );
      for (const d of wb.derivedCells()) {
        if (d.cell.table !== t.id || d.entered) continue;
        const pos = geometry.valueAt.get(`${d.cell.row}\u0001${d.cell.col}`);
        if (!pos) continue;
        const text = rows[pos.row - 1]?.[pos.col - 1] ?? '';
        const parsed = parseAmount(text);
        const got = parsed.ok && parsed.value ? parsed.value.toFixed(2) : '0.00';
        const want = d.computed ? d.computed.toFixed(2) : '0.00';
        compared++;
        if (got !== want)
          wrong.push(`${t.code} ${d.cell.row}/${d.cell.col}: LibreOffice ${text || '(空)'}，应为 ${want}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(150);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'prints 公开04表 and 公开06表 on one page each, by the same rule as the PDF (fit to one page)',
    { timeout: 180_000 },
    async () => {
      if (!SOFFICE) throw new Error('没有找到 LibreOffice（apt-get install libreoffice-calc-nogui）');
      const formSet = builtinFormSet();
      const read = readDocument(
        fs.readFileSync(
          path.resolve(__dirname, '../../samples/hanyang-media-center-2023.gongkai.json'),
          'utf8',
        ),
        () => formSet,
      );
      if (!read.ok) throw new Error(read.message);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-lo-pages-'));
      const xlsx = path.join(dir, 'sample.xlsx');
      fs.writeFileSync(xlsx, await exportXlsx(formSet, read.document));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      for (const code of ['公开04表', '公开06表']) {
        const setup = book.getWorksheet(code)?.pageSetup;
        expect(setup?.fitToPage, code).toBe(true);
        expect([setup?.fitToWidth, setup?.fitToHeight], code).toEqual([1, 1]);
      }
      await run(
        SOFFICE,
        [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          xlsx,
        ],
        { timeout: 150_000 },
      );
      const pdf = path.join(dir, 'sample.pdf');
      const pages = Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
      // Which table each page shows: its title starts the page; a page without one continues the table before it.
      const tableOf: string[] = [];
      for (let p = 1; p <= pages; p++) {
        const text = (await run('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'])).stdout;
        const t = formSet.tables.find((t) => text.includes(`2023年度${t.title}`));
        tableOf.push(t ? t.id : (tableOf.at(-1) ?? ''));
      }
      for (const id of ['04', '06']) expect(tableOf.filter((t) => t === id).length, `公开${id}表`).toBe(1);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
