import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { gongkai, ROOT } from '../helpers/run-cli';

const run = promisify(execFile);

// Each test runs the built CLI one or more times: on a loaded CI machine a start can take seconds, so these tests
// allow minutes (speed itself is measured in `npm run bench`, never here).
const CLI_TIMEOUT = 180_000;
const SAMPLE = path.join(ROOT, 'samples/hanyang-media-center-2023.gongkai.json');

describe('gongkai check', { timeout: CLI_TIMEOUT }, () => {
  it('passes the sample (exit 0) and lists its 尾数 warnings by table', async () => {
    const r = await gongkai('check', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 个错误，9 个提示');
    expect(r.stdout).toContain('公开03表 支出决算表（4）');
    expect(r.stdout).toContain('[提示·尾数差异] 公开06表 303 对个人和家庭的补助');
    // Only the tables were read: the sample's text (which has errors) must not pass as checked.
    expect(r.stdout).toContain('公开文本：没有核对（只审核了报表；加 --text');
  });

  it('--json prints errors and warnings with the finding fields', async () => {
    const r = await gongkai('check', SAMPLE, '--json');
    const parsed = JSON.parse(r.stdout) as { errors: unknown[]; warnings: Record<string, unknown>[] };
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toHaveLength(9);
    expect(parsed).toMatchObject({ textChecked: false });
    expect(parsed.warnings[0]).toMatchObject({
      kind: 'tail',
      severity: 'warning',
      tableCode: '公开03表',
      cell: { table: '03', row: '合计', col: '2' },
      rule: { formula: '[合计]=Σ类' },
      expected: '348.28',
      actual: '348.29',
      difference: '0.01',
    });
  });

  it('--tolerance 0 turns the tails into errors (exit 1)', async () => {
    const r = await gongkai('check', SAMPLE, '--tolerance', '0', '--json');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { errors: unknown[] }).errors).toHaveLength(9);
  });

  it('exit 2 with a message on stderr for a missing, damaged or foreign file, or bad arguments', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-cli-'));
    const bad = path.join(dir, 'bad.gongkai.json');
    await fs.writeFile(bad, '{"format":"gongkai"');
    for (const args of [
      ['check', path.join(dir, 'none.json')],
      ['check', bad],
      ['check', SAMPLE, '--tolerance', 'abc'],
      ['check'],
      ['frobnicate'],
    ]) {
      const r = await gongkai(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/[一-龥]/);
    }
    await fs.rm(dir, { recursive: true });
  });
});

describe(
  'gongkai is plain JavaScript, each command loading only what it needs',
  { timeout: CLI_TIMEOUT },
  () => {
    it('check of the sample loads neither tsx, echarts, docx, playwright-core nor the xlsx and print code', async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-imports-'));
      const log = path.join(dir, 'imports.txt');
      await run(
        process.execPath,
        ['--import', './test/helpers/record-imports.mjs', 'bin/gongkai.mjs', 'check', SAMPLE],
        { cwd: ROOT, env: { ...process.env, GONGKAI_RECORD_IMPORTS: log } },
      );
      const loaded = (await fs.readFile(log, 'utf8')).split('\n');
      expect(loaded.some((u) => u.endsWith('/out/cli/main.js'))).toBe(true);
      for (const pkg of ['tsx', 'exceljs', 'echarts', 'docx', 'playwright-core'])
        expect(loaded.filter((u) => u.includes(`/node_modules/${pkg}/`))).toEqual([]);
      // Nor the app's own export code: the xlsx reader and writer, the print HTML, the 审核报告.
      expect(loaded.filter((u) => /\/out\/cli\/chunks\/(xlsx-|print-html|audit-report)/.test(u))).toEqual([]);
      await fs.rm(dir, { recursive: true });
    });

    it('tsx is only a development dependency', async () => {
      const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    });
  },
);

describe('gongkai export', { timeout: CLI_TIMEOUT }, () => {
  it(
    'writes the xlsx and the PDF of selected tables, and check reads the xlsx back',
    { timeout: 180_000 },
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-export-'));
      const xlsx = path.join(dir, 'out.xlsx');
      const pdf = path.join(dir, 'out.pdf');
      const r = await gongkai('export', SAMPLE, '--xlsx', xlsx, '--pdf', pdf, '--tables', '01,03');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('已导出 Excel');
      expect((await fs.readFile(xlsx)).subarray(0, 2).toString()).toBe('PK');
      expect((await fs.readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
      const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
      expect(text).toContain('2023年度收入支出决算总表');
      expect(text).toContain('2023年度支出决算表');
      expect(text).not.toContain('2023年度收入决算表');
      // The xlsx holds only 01 and 03: check reports the missing tables on stderr, and 01 no longer agrees with the
      // (now empty) 公开02表, an error (exit 1); 03's 尾数 warnings are still there.
      const c = await gongkai('check', xlsx, '--json');
      expect(c.code, c.stderr).toBe(1);
      expect(
        (JSON.parse(c.stdout) as { errors: { rule: { id: string } }[] }).errors.map((e) => e.rule.id),
      ).toContain('x01-02-income-total');
      expect(c.stderr).toContain('导入提示：公开02表');
      expect(
        (JSON.parse(c.stdout) as { warnings: { tableCode: string }[] }).warnings.some(
          (w) => w.tableCode === '公开03表',
        ),
      ).toBe(true);
      await fs.rm(dir, { recursive: true });
    },
  );

  it('a full export checks exactly like the sample', { timeout: 180_000 }, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-export-'));
    const xlsx = path.join(dir, 'all.xlsx');
    expect((await gongkai('export', SAMPLE, '--xlsx', xlsx)).code).toBe(0);
    const fromXlsx = await gongkai('check', xlsx, '--json');
    const fromJson = await gongkai('check', SAMPLE, '--json');
    expect(fromXlsx.stdout).toBe(fromJson.stdout);
    // The charts 图1—图4 travel with the tables as PNG images on a sheet of their own, each with its caption.
    const book = new ExcelJS.Workbook();
    const bytes = await fs.readFile(xlsx);
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = book.getWorksheet('图表');
    expect(sheet).toBeDefined();
    const images = sheet!.getImages();
    expect(images.length).toBe(4);
    for (const img of images) {
      const media = book.getImage(Number(img.imageId));
      expect(media.extension).toBe('png');
      expect(
        Buffer.from(media.buffer as ArrayBuffer)
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
    const captions: string[] = [];
    sheet!.eachRow((row) =>
      row.eachCell((cell) => {
        if (/^图\d/.test(String(cell.value))) captions.push(String(cell.value));
      }),
    );
    expect(captions).toHaveLength(4);
    await fs.rm(dir, { recursive: true });
  });

  it('refuses bad arguments with exit 2', async () => {
    expect((await gongkai('export', SAMPLE)).code).toBe(2);
    const r = await gongkai('export', SAMPLE, '--xlsx', '/tmp/x.xlsx', '--tables', '01,12');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不认识：12');
  });
});

describe('gongkai check --text', { timeout: CLI_TIMEOUT }, () => {
  it('also checks the publication’s text: the reference’s “三公” budget disagrees with 公开09表 (exit 1)', async () => {
    const r = await gongkai('check', SAMPLE, '--text', '--json');
    expect(r.code).toBe(1);
    const { errors, unchecked, coverage } = JSON.parse(r.stdout) as {
      errors: { kind: string; written?: string; expected?: string }[];
      unchecked: { location: string; number: string; sentence: string; reason: string }[];
      coverage: { checked: number; stated: number };
    };
    expect(errors.filter((e) => e.kind === 'text').map((e) => `${e.written}→${e.expected}`)).toContain(
      '2.88万元→0.89万元',
    );
    // Every number of the text it did not read is listed with its sentence and reason; coverage counts them.
    expect(coverage.stated).toBe(coverage.checked + unchecked.length);
    const unknown = unchecked.find((u) => u.number === '135条');
    expect(unknown?.sentence).toContain('正面报道');
    expect(unknown?.reason).toContain('“条”数的不是报表或补充数据里的数量');
    const human = await gongkai('check', SAMPLE, '--text');
    expect(human.stdout).toContain('[错误·文字与报表不一致]');
    expect(human.stdout).toContain(`文字核对：已核对 ${coverage.checked} / ${coverage.stated} 个数`);
    expect(human.stdout).toContain('[未核对]');
  }, 120_000);

  it('says the text was not checked when it states no number, instead of “已核对 0 / 0（100%）”', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-notext-'));
    const doc = JSON.parse(await fs.readFile(SAMPLE, 'utf8')) as Record<string, unknown>;
    const file = path.join(dir, 'no-text.gongkai.json');
    await fs.writeFile(file, JSON.stringify({ ...doc, sections: {} }));
    const r = await gongkai('check', file, '--text');
    expect(r.stdout).toContain('文字核对：公开文本中没有写出的数（文字为空或未导入），文字没有核对');
    expect(r.stdout).not.toContain('100%');
    expect(r.stdout).not.toContain('全部审核通过');
    await fs.rm(dir, { recursive: true });
  }, 120_000);
});

describe('gongkai check --report', { timeout: CLI_TIMEOUT }, () => {
  it(
    'writes the 审核报告 with the 说明 written in the file, as xlsx and as PDF',
    { timeout: 120_000 },
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-report-'));
      const doc = JSON.parse(await fs.readFile(SAMPLE, 'utf8')) as Record<string, unknown>;
      const listed = JSON.parse((await gongkai('check', SAMPLE, '--json')).stdout) as {
        warnings: { id: string }[];
      };
      const id = listed.warnings[0]?.id as string;
      doc.findingNotes = { [id]: '四舍五入到万元的尾数。' };
      const file = path.join(dir, 'unit.gongkai.json');
      await fs.writeFile(file, JSON.stringify(doc));
      const xlsx = path.join(dir, '审核报告.xlsx');
      const r = await gongkai('check', file, '--report', xlsx);
      expect(r.code, r.stderr).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      const ws = book.getWorksheet('审核报告');
      expect(String(ws?.getCell(2, 1).value)).toContain('已说明 1 个');
      const notes: unknown[] = [];
      ws?.eachRow((row) => notes.push(row.getCell(9).value));
      expect(notes).toContain('四舍五入到万元的尾数。');
      const pdf = path.join(dir, '审核报告.pdf');
      expect((await gongkai('check', file, '--report', pdf)).code).toBe(0);
      expect((await fs.readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const bad = await gongkai('check', file, '--report', path.join(dir, 'r.txt'));
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('.pdf 或 .xlsx');
      await fs.rm(dir, { recursive: true, force: true });
    },
  );
});

describe('gongkai export --publication / --docx', { timeout: CLI_TIMEOUT }, () => {
  it(
    'writes the whole publication as PDF, in the reference’s order, and the text as Word',
    { timeout: 180_000 },
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-pub-'));
      const pdf = path.join(dir, 'whole.pdf');
      const docx = path.join(dir, 'text.docx');
      const r = await gongkai('export', SAMPLE, '--publication', pdf, '--docx', docx);
      expect(r.code, r.stderr).toBe(0);
      const { stdout: text } = await run('pdftotext', [pdf, '-']);
      const order = ['第一部分', '第二部分', '第三部分', '第四部分', '第五部分', '第六部分'].map((p) =>
        text.lastIndexOf(p),
      );
      expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
      expect(text).toContain('图3：支出决算结构');
      expect(text).toContain('部门整体绩效自评表');
      expect((await fs.readFile(docx)).subarray(0, 2).toString()).toBe('PK');
      await fs.rm(dir, { recursive: true });
    },
  );
});
