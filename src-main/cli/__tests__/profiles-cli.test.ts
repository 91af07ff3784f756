import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shanghaiWorkbook } from '../../../src-core/export/__tests__/shanghai-fixture';
import { main } from '../main';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('gongkai profiles and gongkai import', () => {
  it('lists the profiles', async () => {
    const r = await run(['profiles']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('national@2023');
    expect(r.out).toContain('national@2024');
    expect(r.out).toContain('shanghai@2024');
  });

  it('a profile named that does not exist is refused with the list of those that do, for import and convert-profile alike', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-profile-arg-'));
    writeFileSync(path.join(dir, 'sh.xlsx'), await shanghaiWorkbook());
    for (const argv of [
      [
        'import',
        path.join(dir, 'sh.xlsx'),
        '--out',
        path.join(dir, 'a.gongkai.json'),
        '--profile',
        'shanghai@2099',
      ],
      [
        'convert-profile',
        path.join(dir, 'sh.xlsx'),
        '--out',
        path.join(dir, 'b.gongkai.json'),
        '--to',
        'hubei',
      ],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('没有表样');
      expect(r.err).toContain('shanghai@2024');
    }
    expect(existsSync(path.join(dir, 'a.gongkai.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'b.gongkai.json'))).toBe(false);
  });

  it('imports a hand-filled 上海 workbook as a 上海 document; one with an unreadable table writes nothing, exit 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-import-'));
    writeFileSync(path.join(dir, 'sh.xlsx'), await shanghaiWorkbook());
    const ok = await run(['import', path.join(dir, 'sh.xlsx'), '--out', path.join(dir, 'sh.gongkai.json')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('shanghai@2024');
    // The import report says per table what was read, on success too.
    expect(ok.out).toContain('表二 收入决算表：已读取 7 行、14 个数');
    expect(ok.out).toContain('表八 政府性基金预算财政拨款收入支出决算表：已读取 1 行、0 个数');
    const doc = JSON.parse(readFileSync(path.join(dir, 'sh.gongkai.json'), 'utf8')) as { profile: unknown };
    expect(doc.profile).toEqual({ id: 'shanghai', year: 2024 });
    const check = await run(['check', path.join(dir, 'sh.gongkai.json')]);
    expect(check.code).toBe(0);
    expect(check.out).toContain('0 个错误');

    writeFileSync(path.join(dir, 'bad.xlsx'), await shanghaiWorkbook({ breakTable5: true }));
    const bad = await run([
      'import',
      path.join(dir, 'bad.xlsx'),
      '--out',
      path.join(dir, 'bad.gongkai.json'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('表五 一般公共预算财政拨款支出决算表');
    expect(existsSync(path.join(dir, 'bad.gongkai.json'))).toBe(false);
    expect((await run(['check', path.join(dir, 'bad.xlsx')])).code).toBe(2);
  });

  it('a workbook in which no table of any profile is found: import and check exit 2 naming the file, its sheet and the profiles tried; nothing written', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-no-table-'));
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('工资表');
    ws.addRow(['姓名', '基本工资', '绩效工资']);
    ws.addRow(['张三', '5,000.00', '1,200.00']);
    const file = path.join(dir, '三月工资.xlsx');
    writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
    const out = path.join(dir, 'x.gongkai.json');
    for (const argv of [
      ['import', file, '--out', out],
      ['check', file],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).not.toContain('0 个错误');
      expect(r.err).toContain('“三月工资.xlsx”：这个 Excel 文件里没有找到任何部门决算公开表，没有导入');
      expect(r.err).toContain('工作表“工资表”的表名和表头都不是认得的表');
      for (const name of ['全国通用 2023 年度', '上海市 2024 年度']) expect(r.err).toContain(name);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('convert-profile writes the sample on the 上海 forms and back, listing what 上海 has no place for; the input stays', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-convert-profile-'));
    const sample = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');
    const before = readFileSync(sample, 'utf8');
    const sh = path.join(dir, 'sh.gongkai.json');
    const r = await run(['convert-profile', sample, '--to', 'shanghai@2024', '--out', sh]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('所有金额都已转入');
    expect(r.out).toContain('目标表样没有的文字部分（未转入）：第四部分 2023年度重点工作完成情况');
    expect((JSON.parse(readFileSync(sh, 'utf8')) as { profile: unknown }).profile).toEqual({
      id: 'shanghai',
      year: 2024,
    });
    expect((await run(['check', sh])).out).toContain('0 个错误');
    const back = await run([
      'convert-profile',
      sh,
      '--to',
      'national@2023',
      '--out',
      path.join(dir, 'back.gongkai.json'),
      '--json',
    ]);
    expect(back.code).toBe(0);
    expect((JSON.parse(back.out) as { lost: unknown[] }).lost).toEqual([]);
    expect(readFileSync(sample, 'utf8')).toBe(before);
    expect(
      (await run(['convert-profile', sample, '--to', 'nowhere@2024', '--out', path.join(dir, 'x.json')]))
        .code,
    ).toBe(2);
  });
});
