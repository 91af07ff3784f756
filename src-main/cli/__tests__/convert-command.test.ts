import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyOperation,
  builtinFormSet,
  convertMoneyUnit,
  DocumentSession,
  formSetFor,
  newDocument,
  readDocument,
  writeDocument,
} from '../../../src-core';
import { convertCommand } from '../convert-command';

describe('gongkai convert', () => {
  it('writes the document the app makes when 金额单位 is changed to 万元 (尾数容差 reset included)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-convert-'));
    const formSet = builtinFormSet();
    const base = applyOperation(newDocument(2023, { name: '测试单位', moneyUnit: '元' }), {
      type: 'setCells',
      table: '06',
      cells: [
        { row: '30101', col: '1', text: '3333' },
        { row: '30102', col: '1', text: '3333' },
        { row: '30103', col: '1', text: '3334' },
      ],
    }).doc;
    const doc = { ...base, settings: { tolerance: '1' } };
    const input = path.join(dir, 'yuan.gongkai.json');
    const output = path.join(dir, 'wan.gongkai.json');
    await fs.writeFile(input, writeDocument(doc));
    const out: string[] = [];
    const err: string[] = [];
    const code = await convertCommand([input, '--out', output], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('')).toContain('尾数容差改为 0.01 万元。舍位平衡调整 1 处');
    expect(out.join('')).toContain('公开06表 30103 奖金 决算数：0.3334 → 四舍五入 0.33 → 调整为 0.34');

    // What 单位信息's 金额单位 select does: the same command, applied to the open document.
    const command = convertMoneyUnit(formSet, doc, '万元');
    if (!command.ok) throw new Error(command.message);
    const session = new DocumentSession(formSet, doc);
    session.apply(command.operation, command.label);

    const written = readDocument(await fs.readFile(output, 'utf8'), formSetFor);
    if (!written.ok) throw new Error(written.message);
    expect(written.document.settings.tolerance).toBe('0.01');
    expect(written.document).toEqual(readDocumentBack(session.document));
  });
});

/** The document as it would be saved and opened again (what the app's 保存 writes). */
function readDocumentBack(doc: Parameters<typeof writeDocument>[0]) {
  const back = readDocument(writeDocument(doc), formSetFor);
  if (!back.ok) throw new Error(back.message);
  return back.document;
}
