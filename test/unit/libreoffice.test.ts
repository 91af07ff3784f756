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
import { generateDepartmentDocument } from '../../bench/department-document';
import { A4, near } from '../helpers/pdf-reading';
import { pdfjsPageTexts } from '../helpers/pdf-text';

const run = promisify(execFile);
/** Text without its white space: LibreOffice breaks a wrapped header cell into lines. */
const squeeze = (s: string) => s.replace(/\s+/g, '');
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
    'prints every sheet as its print setup says: A4 in the table’s orientation, whole width on each page, one page where set, the header on every page',
    { timeout: 400_000 },
    async () => {
      if (!SOFFICE) throw new Error('没有找到 LibreOffice（apt-get install libreoffice-calc-nogui）');
      const formSet = builtinFormSet();
      // 300 项: 公开02/03/05表 run over many pages; the fixed tables are the sample's forms.
      const doc = generateDepartmentDocument(formSet, { items: 300 });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-lo-pages-'));
      const xlsx = path.join(dir, 'department.xlsx');
      fs.writeFileSync(xlsx, await exportXlsx(formSet, doc));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      const onePage = new Set<string>();
      for (const t of formSet.tables) {
        const setup = book.getWorksheet(t.code)?.pageSetup;
        expect(setup?.fitToPage, t.code).toBe(true);
        expect(setup?.fitToWidth, t.code).toBe(1);
        if (setup?.fitToHeight === 1) onePage.add(t.id);
      }
      // The page-fit rule puts the short fixed forms on one page (公开04表 and 公开06表 among them).
      for (const id of ['04', '06']) expect(onePage.has(id), `公开${id}表`).toBe(true);

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
        { timeout: 350_000 },
      );
      const pdf = fs.readFileSync(path.join(dir, 'department.pdf'));
      const texts = (await pdfjsPageTexts(new Uint8Array(pdf))).map(squeeze);
      const sizes = [
        ...(
          await run('pdfinfo', ['-f', '1', '-l', String(texts.length), path.join(dir, 'department.pdf')])
        ).stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm),
      ].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
      expect(sizes.length).toBe(texts.length);

      // Which table each page shows: its title starts the table; a page without one continues the table before it.
      const tableOf: string[] = [];
      texts.forEach((text) => {
        const t = formSet.tables.find((t) => text.includes(squeeze(`${doc.unit.year}年度${t.title}`)));
        tableOf.push(t ? t.id : (tableOf.at(-1) ?? ''));
      });
      const wb = new Workbook(formSet, doc);
      for (const t of formSet.tables) {
        const pages = tableOf.flatMap((id, p) => (id === t.id ? [p] : []));
        if (onePage.has(t.id)) expect(pages.length, `${t.code}：页数`).toBe(1);
        else expect(pages.length, `${t.code}：页数`).toBeGreaterThanOrEqual(1);
        // Every header text of the form on every page: the width fits one page (no page holds only the right-hand
        // columns) and the header rows repeat as print titles.
        const header = tableLayout(wb.tables.get(t.id) as NonNullable<ReturnType<typeof wb.tables.get>>)
          .header.map((h) => squeeze(h.text))
          .filter((h) => h.length > 0 && !/^\d+$/.test(h));
        for (const p of pages) {
          const size = sizes[p] as { width: number; height: number };
          const [short, long] =
            t.orientation === 'portrait' ? [size.width, size.height] : [size.height, size.width];
          expect(
            [near(short, A4.short), near(long, A4.long)],
            `${t.code} 第${p + 1}页：A4 ${t.orientation}`,
          ).toEqual([true, true]);
          expect(
            header.filter((h) => !(texts[p] as string).includes(h)),
            `${t.code} 第${p + 1}页缺少的表头`,
          ).toEqual([]);
        }
      }
      // The long classification tables do run over several pages (else the header check above proves nothing).
      for (const id of ['02', '03', '05'])
        expect(tableOf.filter((t) => t === id).length, `公开${id}表`).toBeGreaterThan(3);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
