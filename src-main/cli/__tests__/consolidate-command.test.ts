import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDocument, formSetFor, writeDocument, type GongkaiDocument } from '../../../src-core';
import { threeUnits } from '../../../src-core/consolidation/__tests__/fixtures';
import { main } from '../main';

const SAMPLE = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');
let dir: string;

async function gongkai(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

async function put(name: string, doc: GongkaiDocument | string): Promise<string> {
  const file = path.join(dir, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, typeof doc === 'string' ? doc : writeDocument(doc));
  return file;
}

async function sampleNamed(name: string): Promise<GongkaiDocument> {
  const r = readDocument(await fs.readFile(SAMPLE, 'utf8'), formSetFor);
  if (!r.ok) throw new Error(r.message);
  return { ...r.document, unit: { ...r.document.unit, name } };
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gk-cons-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gongkai consolidate', () => {
  it('exit 0 for units without errors; the 尾数 they add up to are warnings; writes the member list', async () => {
    await put('units/a.gongkai.json', await sampleNamed('甲中心'));
    await put('units/b.gongkai.json', await sampleNamed('乙中心'));
    const out = path.join(dir, 'dept.gongkai.json');
    const r = await gongkai('consolidate', path.join(dir, 'units'), '--out', out, '--name', '某区委宣传部');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('甲中心（units/a.gongkai.json）：0 个错误，9 个提示');
    expect(r.out).toContain('汇总审核结果：0 个错误');
    expect(r.out).toContain('各单位分别取整到万元，尾数在汇总时累积：甲中心 ');
    expect(r.out).toContain('舍位平衡：');
    const dept = JSON.parse(await fs.readFile(out, 'utf8')) as GongkaiDocument;
    expect(dept.consolidation?.members).toEqual(['units']);
    expect(dept.tables).toEqual({});
    expect(dept.unit.name).toBe('某区委宣传部');

    // Run again from the 汇总 file alone, as JSON: the same units, each checked.
    const again = await gongkai('consolidate', '--out', out, '--json');
    expect(again.code).toBe(0);
    const parsed = JSON.parse(again.out.slice(0, again.out.lastIndexOf('}') + 1)) as {
      units: { unit: string; errors: unknown[]; warnings: unknown[] }[];
      consolidated: { errors: unknown[]; warnings: unknown[] };
    };
    expect(parsed.units.map((u) => [u.unit, u.errors.length, u.warnings.length])).toEqual([
      ['甲中心', 0, 9],
      ['乙中心', 0, 9],
    ]);
    expect(parsed.consolidated.errors).toEqual([]);
  });

  it('exit 1 when a unit or the 汇总 has errors, with every unit’s findings printed', async () => {
    const files = await Promise.all(threeUnits().map((d, i) => put(`u${i}.gongkai.json`, d)));
    const r = await gongkai('consolidate', ...files, '--out', path.join(dir, 'dept.gongkai.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('丙单位（u2.gongkai.json）：1 个错误，4 个提示');
    expect(r.out).toContain('[错误·不平衡] 公开01表 31行 总计');
  });

  it('exit 2 when a member is damaged or of another year: listed, and no incomplete Excel written', async () => {
    await put('units/a.gongkai.json', await sampleNamed('甲中心'));
    await put('units/broken.gongkai.json', '{"format": "gongkai", "version": 1,');
    const old = await sampleNamed('丁中心');
    await put('units/old.gongkai.json', { ...old, unit: { ...old.unit, year: 2022 } });
    const xlsx = path.join(dir, 'dept.xlsx');
    const r = await gongkai(
      'consolidate',
      path.join(dir, 'units'),
      '--out',
      path.join(dir, 'dept.gongkai.json'),
      '--xlsx',
      xlsx,
    );
    expect(r.code).toBe(2);
    expect(r.out).toContain('✗ units/broken.gongkai.json：无法读取');
    expect(r.out).toContain('JSON 格式错误');
    expect(r.out).toContain('✗ 丁中心（units/old.gongkai.json）：没有汇总——是 2022 年度的决算');
    expect(r.out).toContain('2 个没有汇总');
    expect(r.err).toContain('没有导出 Excel');
    await expect(fs.access(xlsx)).rejects.toThrow();
  });

  it('exit 2 and nothing overwritten when --out is a unit’s own file', async () => {
    const unitFile = await put('a.gongkai.json', await sampleNamed('甲中心'));
    const before = await fs.readFile(unitFile, 'utf8');
    await put('units/b.gongkai.json', await sampleNamed('乙中心'));
    const r = await gongkai('consolidate', path.join(dir, 'units'), '--out', unitFile);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是汇总文件');
    expect(await fs.readFile(unitFile, 'utf8')).toBe(before);
  });

  it('does not take its own Excel for a unit when it sits in a member folder; says when it replaced one', async () => {
    await put('units/a.gongkai.json', await sampleNamed('甲中心'));
    await put('units/b.gongkai.json', await sampleNamed('乙中心'));
    const out = path.join(dir, 'dept.gongkai.json');
    const xlsx = path.join(dir, 'units', 'dept.xlsx');
    const first = await gongkai('consolidate', path.join(dir, 'units'), '--out', out, '--xlsx', xlsx);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`已导出汇总 Excel：${xlsx}\n`);
    const again = await gongkai('consolidate', '--out', out, '--xlsx', xlsx);
    expect(again.code).toBe(0);
    expect(again.out).not.toContain('dept.xlsx）');
    expect(again.out).toContain('共 2 个单位');
    expect(again.out).toContain(`已导出汇总 Excel：${xlsx}（已替换原有文件）`);
  });

  it('exit 2 and the 汇总 file left as it is when someone else saves it while the units are being read', async () => {
    await put('units/a.gongkai.json', await sampleNamed('甲中心'));
    await put('units/b.gongkai.json', await sampleNamed('乙中心'));
    const out = path.join(dir, 'dept.gongkai.json');
    expect((await gongkai('consolidate', path.join(dir, 'units'), '--out', out)).code).toBe(0);
    const theirs = (await fs.readFile(out, 'utf8')).replace('"name": ""', '"name": "同事改过的部门"');
    let text = '';
    let err = '';
    const code = await main(['consolidate', '--out', out], {
      out: (t) => {
        // A colleague saves the 汇总 file while the first unit is being checked.
        if (!text.includes('甲中心') && t.includes('甲中心')) fsSync.writeFileSync(out, theirs);
        text += t;
      },
      err: (t) => (err += t),
    });
    expect(code).toBe(2);
    expect(err).toContain('在本次汇总期间被其他程序修改过，没有覆盖');
    expect(await fs.readFile(out, 'utf8')).toBe(theirs);
  });

  it('--watch rewrites the Excel as units change, never over a version someone else saved, and never writes the 汇总 file', async () => {
    await put('units/a.gongkai.json', await sampleNamed('甲中心'));
    await put('units/b.gongkai.json', await sampleNamed('乙中心'));
    const out = path.join(dir, 'dept.gongkai.json');
    const xlsx = path.join(dir, 'units', 'dept.xlsx');
    let text = '';
    let err = '';
    const stop = new AbortController();
    const run = main(['consolidate', path.join(dir, 'units'), '--out', out, '--xlsx', xlsx, '--watch'], {
      out: (t) => (text += t),
      err: (t) => (err += t),
      signal: stop.signal,
    });
    const until = async (what: () => boolean, label: string) => {
      // Waits for the watcher without assuming how fast the machine is (inotify, a loaded CI runner).
      for (let i = 0; i < 1200 && !what(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(what(), `${label}\n--- out ---\n${text}\n--- err ---\n${err}`).toBe(true);
    };
    const edit = async (name: string, unit: string, amount: string) => {
      const doc = await sampleNamed(unit);
      await put(name, { ...doc, tables: { ...doc.tables, '01': { values: { '1': { '1': amount } } } } });
    };
    try {
      await until(() => text.includes('正在监视'), 'watching');
      const v1 = await fs.readFile(xlsx);

      // A unit changes: the 汇总 is redone and the Excel rewritten.
      await edit('units/a.gongkai.json', '甲中心', '2000.00');
      await until(() => text.includes('已更新汇总 Excel'), 'Excel updated');
      expect(text).toContain('1,455.41 → 2,000.00');
      const v2 = await fs.readFile(xlsx);
      expect(Buffer.compare(v1, v2)).not.toBe(0);

      // Someone opens the Excel in WPS and saves it; then another unit changes: theirs is kept, ours goes beside.
      const wps = Buffer.concat([v2, Buffer.from('saved by WPS')]);
      await fs.writeFile(xlsx, wps);
      await edit('units/b.gongkai.json', '乙中心', '1500.00');
      await until(() => err.includes('没有覆盖'), 'diverted');
      expect(await fs.readFile(xlsx)).toEqual(wps);
      const beside = (await fs.readdir(path.join(dir, 'units'))).filter((n) =>
        /^dept（.+汇总）\.xlsx$/.test(n),
      );
      expect(beside).toHaveLength(1);
      expect(err).toContain(`另存为“${path.join(dir, 'units', beside[0]!)}”`);
      // Neither Excel was taken for a unit.
      expect(text).not.toMatch(/dept(（.*）)?\.xlsx：/);

      // The 汇总 file is changed by someone else: said, and left as they saved it.
      const theirs = (await fs.readFile(out, 'utf8')).replace('"name": ""', '"name": "同事改过的部门"');
      await fs.writeFile(out, theirs);
      await until(() => err.includes('汇总文件“'), '汇总 file changed');
      await edit('units/a.gongkai.json', '甲中心', '2100.00');
      await until(
        () => text.includes('2,000.00 → 2,100.00') && text.split('已更新汇总 Excel').length > 2,
        'again',
      );
      expect(await fs.readFile(out, 'utf8')).toBe(theirs);
      expect(await fs.readFile(xlsx)).toEqual(wps);
    } finally {
      stop.abort();
    }
    expect(await run).toBe(0);
  }, 120_000);

  it('exit 2 for bad arguments', async () => {
    expect((await gongkai('consolidate', 'x')).code).toBe(2);
    expect((await gongkai('consolidate', '--out', path.join(dir, 'none.gongkai.json'))).code).toBe(2);
  });
});

describe('check and export of a 汇总 file', () => {
  it('check sends it to consolidate; export writes its units’ sum and stops when a unit cannot be read', async () => {
    await put('units/a.gongkai.json', await sampleNamed('甲中心'));
    await put('units/b.gongkai.json', await sampleNamed('乙中心'));
    const out = path.join(dir, 'dept.gongkai.json');
    expect((await gongkai('consolidate', path.join(dir, 'units'), '--out', out)).code).toBe(0);

    // Before: “0 个错误，0 个提示 … 报表没有错误和提示”, exit 0, for a file whose tables hold no figure.
    const checked = await gongkai('check', out);
    expect(checked.code).toBe(2);
    expect(checked.out).toBe('');
    expect(checked.err).toContain('“dept.gongkai.json”是汇总文件，数字在它列出的单位文件和文件夹（1 项）中');
    expect(checked.err).toContain('gongkai consolidate --out dept.gongkai.json');

    // The Excel holds the sum: 收入合计 of two samples, 2 × 1,455.41.
    const xlsx = path.join(dir, 'dept.xlsx');
    expect((await gongkai('export', out, '--xlsx', xlsx)).code).toBe(0);
    const back = path.join(dir, 'back.gongkai.json');
    expect((await gongkai('import', xlsx, '--out', back)).code).toBe(0);
    const doc = JSON.parse(await fs.readFile(back, 'utf8')) as GongkaiDocument;
    expect(doc.tables['01']?.values['1']?.['1']).toBe('2910.82');

    await fs.rm(path.join(dir, 'units/b.gongkai.json'));
    await fs.writeFile(path.join(dir, 'units/b.gongkai.json'), '{ damaged');
    const incomplete = await gongkai('export', out, '--xlsx', xlsx);
    expect(incomplete.code).toBe(2);
    expect(incomplete.err).toContain('“dept.gongkai.json”是汇总文件，有 1 个单位没有汇总，汇总数不完整');
    expect(incomplete.err).toContain('b.gongkai.json');
  });
});
