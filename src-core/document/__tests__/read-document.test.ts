import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinFormSet, formSetFor } from '../../builtin-forms';
import { readDocument, writeDocument } from '../read-document';
import { newDocument } from '../new-document';

const formSet = builtinFormSet();
const read = (text: string) => readDocument(text, (y) => (y === 2023 ? formSet : undefined));
const sampleText = fs.readFileSync(
  path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json'),
  'utf8',
);

function message(text: string): string {
  const r = read(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
}

describe('readDocument', () => {
  it('reads the sample and writes it back unchanged', () => {
    const r = read(sampleText);
    expect(r.ok).toBe(true);
    if (r.ok) expect(writeDocument(r.document)).toBe(sampleText);
  });

  it('accepts a UTF-8 BOM', () => {
    expect(read(`\ufeff${sampleText}`).ok).toBe(true);
  });

  it('refuses a damaged file with the position', () => {
    expect(message(sampleText.slice(0, 500))).toMatch(/文件已损坏.*JSON 格式错误/);
    expect(message('{"format": "gongkai",, }')).toMatch(/第 1 行第 \d+ 列附近/);
  });

  it('refuses a foreign file', () => {
    expect(message('[1,2,3]')).toContain('不是决算公开表文件');
    expect(message('{"name": "x"}')).toContain('缺少“format: gongkai”标记');
  });

  it('refuses a newer format version instead of half-reading it', () => {
    const doc = { ...JSON.parse(sampleText), version: 2 };
    expect(message(JSON.stringify(doc))).toContain('较新版本');
  });

  it('says what is wrong and where, in Chinese', () => {
    const doc = JSON.parse(sampleText);
    doc.unit.year = '二〇二三';
    doc.tables['03'].rows[2].code = '20133500';
    delete doc.settings.tolerance;
    const m = message(JSON.stringify(doc));
    expect(m).toContain('单位信息 › 年度：应是数字，实际是文字');
    expect(m).toContain('公开03表 第3个科目的编码：科目编码应是3、5或7位数字');
    expect(m).toContain('审核设置 › 尾数容差：缺少这一项');
  });

  it('names the places of a damaged 上海 file in its own terms: 表六 and the column header, not 公开06表 第1栏', () => {
    const doc = {
      ...newDocument(2024, { name: '上海市XX局' }, { id: 'shanghai', year: 2024 }),
      tables: {
        '05': { rows: [{ code: '205AB', name: '教育支出' }], values: {} },
        '06': { values: { '30101': { '1': 200 } } },
      },
    };
    const r = readDocument(JSON.stringify(doc), (y, id) => formSetFor(y, id));
    if (r.ok) throw new Error('expected a refusal');
    expect(r.message).toContain('表五 第1个科目的编码');
    expect(r.message).toContain('表六 30101 决算数：');
    expect(r.message).not.toMatch(/公开0\d表|第1栏/);
  });

  it('refuses values that do not fit the forms', () => {
    const doc = JSON.parse(sampleText);
    doc.tables['03'].values['2999999'] = { '1': '5' };
    doc.tables['01'].values['9'] = { '1': '5' };
    doc.tables['12'] = { values: {} };
    const m = message(JSON.stringify(doc));
    expect(m).toContain('公开03表 有数值的科目 2999999 不在行列表中');
    expect(m).toContain('公开01表 没有可填的“9”行');
    expect(m).toContain('没有“12”这张表');
  });

  it('refuses an unsupported form year', () => {
    expect(message(JSON.stringify(newDocument(2031)))).toContain('不支持 2031 年度');
  });

  it('keeps invalid cell text as typed', () => {
    const doc = JSON.parse(sampleText);
    doc.tables['06'].values['30101'] = { '1': '12a' };
    const r = read(JSON.stringify(doc));
    expect(r.ok && r.document.tables['06']?.values['30101']?.['1']).toBe('12a');
  });

  it('inserts missing 类/款 rows above a 项 without inventing values', () => {
    const doc = JSON.parse(sampleText);
    doc.tables['02'].rows = [{ code: '2013350', name: '事业运行' }];
    doc.tables['02'].values = { '2013350': { '2': '5' } };
    const r = read(JSON.stringify(doc));
    if (!r.ok) throw new Error(r.message);
    expect(r.document.tables['02']?.rows?.map((x) => `${x.code} ${x.name}`)).toEqual([
      '201 一般公共服务支出',
      '20133 宣传事务',
      '2013350 事业运行',
    ]);
    expect(Object.keys(r.document.tables['02']?.values ?? {})).toEqual(['2013350']);
  });
});
