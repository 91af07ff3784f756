// The embedded sample must be the reference document's numbers, every one in the same table, row and column:
// this reads the published text independently and compares both ways, so a transcription slip fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinFormSet, parseAmount, readDocument, Workbook } from '../../src-core';

const REFERENCE = path.resolve(__dirname, '../fixtures/hanyang-media-center-2023-final-accounts.txt');
const SAMPLE = path.resolve(__dirname, '../../samples/hanyang-media-center-2023.gongkai.json');

type Amounts = Map<string, string>; // "table/row/col" → amount with 2 decimals

function amount(text: string): string | null {
  const r = parseAmount(text);
  if (!r.ok) throw new Error(`reference amount not readable: ${text}`);
  return r.value === null ? null : r.value.toFixed(2);
}

/** The lines of the reference between a table's title and its notes. */
function section(lines: string[], title: string, end: RegExp): string[] {
  const start = lines.findIndex((l) => l.trim() === title);
  if (start < 0) throw new Error(`no ${title}`);
  const stop = lines.findIndex((l, i) => i > start && end.test(l));
  return lines.slice(start + 1, stop);
}

function readReference(): Amounts {
  const lines = fs.readFileSync(REFERENCE, 'utf8').split('\n');
  const out: Amounts = new Map();
  const put = (table: string, row: string, col: string, text: string | undefined) => {
    const v = text === undefined ? null : amount(text);
    if (v !== null) out.set(`${table}/${row}/${col}`, v);
  };

  // 公开01表 / 公开04表: label, 行次, amount(s) on each side.
  for (const l of section(lines, '2023年度收入支出决算总表', /^注：1\./)) {
    const f = l.split('\t');
    if (!/^\d+$/.test(f[1] ?? '')) continue;
    put('01', f[1] as string, '1', f[2]);
    if (/^\d+$/.test(f[4] ?? '')) put('01', f[4] as string, '2', f[5]);
  }
  for (const l of section(lines, '2023年度财政拨款收入支出决算总表', /^注：/)) {
    const f = l.split('\t');
    if (!/^\d+$/.test(f[1] ?? '')) continue;
    put('04', f[1] as string, '1', f[2]);
    if (/^\d+$/.test(f[4] ?? ''))
      ['2', '3', '4', '5'].forEach((c, i) => put('04', f[4] as string, c, f[5 + i]));
  }
  // Classification tables: code (or 合计), name, then the amounts by 栏次.
  const classification: [string, string, number][] = [
    ['02', '2023年度收入决算表', 7],
    ['03', '2023年度支出决算表', 6],
    ['05', '2023年度一般公共预算财政拨款支出决算表', 3],
    ['07', '2023年度政府性基金预算财政拨款收入支出决算表', 6],
    ['08', '2023年度国有资本经营预算财政拨款支出决算表', 3],
  ];
  for (const [table, title, cols] of classification) {
    for (const l of section(lines, title, /^注：/)) {
      const f = l.split('\t');
      const codeAt = f.findIndex((x) => /^\d{3}(\d{2}){0,2}$/.test(x.trim()) || x.trim() === '合计');
      if (codeAt < 0) continue;
      const key = f[codeAt]?.trim() as string;
      const nameAt = key === '合计' ? codeAt : f.findIndex((x, i) => i > codeAt && x.trim() !== '');
      const header =
        f.slice(0, codeAt).some((x) => x.trim() !== '') || f.slice(nameAt + 1).some((x) => /[一-龥]/.test(x));
      if (header) continue;
      for (let c = 1; c <= cols; c++) put(table, key, String(c), f[nameAt + c]);
    }
  }
  // 公开06表: three (代码, 名称, 决算数) blocks per line, then the two footer totals.
  for (const l of section(lines, '2023年度一般公共预算财政拨款基本支出决算明细表', /^注：/)) {
    const f = l.split('\t');
    if (f[0] === '人员经费合计') {
      put('06', '人员经费合计', '1', f[2]);
      put('06', '公用经费合计', '1', f[f.length - 1]);
      continue;
    }
    for (let b = 0; b + 2 < f.length + 1; b += 3) {
      const code = f[b]?.trim();
      if (code && /^\d{3,5}$/.test(code)) put('06', code, '1', f[b + 2]);
    }
  }
  // 公开09表: the line after the 栏次 line 1…12.
  const sg = section(lines, '2023年度财政拨款“三公”经费支出决算表', /^注：/);
  const colsLine = sg.findIndex((l) => l.trim().startsWith('1\t2\t3'));
  (sg[colsLine + 1] ?? '').split('\t').forEach((x, i) => put('09', 'main', String(i + 1), x));
  return out;
}

describe('the embedded sample matches the reference document', () => {
  const reference = readReference();
  const formSet = builtinFormSet();
  const read = readDocument(fs.readFileSync(SAMPLE, 'utf8'), () => formSet);
  if (!read.ok) throw new Error(read.message);
  const wb = new Workbook(formSet, read.document);

  it('reads a plausible number of amounts from the reference', () => {
    expect(reference.size).toBeGreaterThan(150);
    expect(reference.get('03/201/2')).toBe('231.57');
    expect(reference.get('06/30231/1')).toBe('0.89');
  });

  it('every published amount stands in the same table, row and column of the sample', () => {
    const slips: string[] = [];
    for (const [key, expected] of reference) {
      const [table, row, col] = key.split('/') as [string, string, string];
      const state = wb.cell(table, row, col);
      const got = state?.value?.toFixed(2) ?? '(empty)';
      if (got !== expected) slips.push(`${key}: reference ${expected}, sample ${got}`);
    }
    expect(slips).toEqual([]);
  });

  it('the sample shows no amount the reference does not have', () => {
    const extra: string[] = [];
    for (const [tableId, table] of wb.tables) {
      for (const row of table.rows) {
        for (const col of row.columns) {
          const v = wb.cell(tableId, row.key, col)?.value;
          if (v && !reference.has(`${tableId}/${row.key}/${col}`))
            extra.push(`${tableId}/${row.key}/${col} = ${v.toFixed(2)}`);
        }
      }
    }
    expect(extra).toEqual([]);
  });

  it('carries the unit information and the empty-table notes as published', () => {
    expect(read.document.unit).toMatchObject({
      name: '武汉市汉阳区融媒体中心',
      year: 2023,
      publishDate: '2024-10-21',
      phone: '027-84764841',
    });
    expect(read.document.tables['07']?.note).toContain('故本表无数据');
    expect(read.document.tables['08']?.note).toContain('故本表无数据');
  });
});
