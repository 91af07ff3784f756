import fs from 'node:fs';
import { expect, it } from 'vitest';
import { formSetFor, readDocument, Workbook, type GongkaiDocument } from '../../src-core';

it('a document with a 100,000-digit amount checks, naming the cell, instead of hanging on it', () => {
  const doc = JSON.parse(
    fs.readFileSync('samples/hanyang-media-center-2023.gongkai.json', 'utf8'),
  ) as GongkaiDocument;
  const values = doc.tables['01']?.values as Record<string, Record<string, string>>;
  const [rowKey] = Object.keys(values);
  const row = values[rowKey as string] as Record<string, string>;
  const [col] = Object.keys(row);
  row[col as string] = '9'.repeat(100_000);
  const read = readDocument(JSON.stringify(doc), formSetFor);
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  const findings = new Workbook(formSetFor(2023)!, read.document).findings();
  const invalid = findings.filter((f) => f.kind === 'invalid');
  expect(invalid).toHaveLength(1);
  expect(invalid[0]?.message).toMatch(/^公开01表 .*无法识别的金额“9{20}…”：太长/);
  // Nothing else quotes the digits: the totals it feeds show no value rather than a 100,000-digit one.
  for (const f of findings) expect(f.message.length).toBeLessThan(400);
});
