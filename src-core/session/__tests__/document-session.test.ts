import { describe, expect, it } from 'vitest';
import { builtinFormSet, newDocument, writeDocument, type GongkaiDocument } from '../..';
import { applyOperation } from '../../document/operations';
import { DocumentSession } from '../document-session';

const formSet = builtinFormSet();

function docWithRows(): GongkaiDocument {
  const base = newDocument(formSet.year);
  const rows = [
    { code: '201', name: '一般公共服务支出' },
    { code: '20101', name: '人大事务' },
    { code: '2010101', name: '行政运行' },
    { code: '2010102', name: '一般行政管理事务' },
  ];
  return {
    ...base,
    tables: { '03': { rows, values: { '2010101': { '2': '10' }, '2010102': { '2': '5' } } } },
  };
}

describe('DocumentSession edits', () => {
  it('updates the value record in place instead of copying the table per edit', () => {
    const s = new DocumentSession(formSet, docWithRows());
    const values = s.document.tables['03']?.values;
    s.apply({ type: 'setCells', table: '03', cells: [{ row: '2010101', col: '2', text: '12' }] }, '输入');
    expect(s.document.tables['03']?.values).toBe(values);
    expect(s.document.tables['03']?.values['2010101']?.['2']).toBe('12');
    expect(s.workbook.cell('03', '20101', '2')?.value?.toFixed()).toBe('17');
  });

  it('never changes the document it was opened with', () => {
    const doc = docWithRows();
    const text = writeDocument(doc);
    const s = new DocumentSession(formSet, doc);
    s.apply({ type: 'setCells', table: '03', cells: [{ row: '2010101', col: '2', text: '99' }] }, '输入');
    s.apply({ type: 'setCells', table: '03', cells: [{ row: '2010102', col: '2', text: null }] }, '清除');
    expect(writeDocument(doc)).toBe(text);
  });

  it('undo and redo of in-place edits give back the same file', () => {
    const doc = docWithRows();
    const s = new DocumentSession(formSet, doc);
    s.apply(
      {
        type: 'setCells',
        table: '03',
        cells: [
          { row: '2010101', col: '2', text: '1,234.50' },
          { row: '2010102', col: '2', text: null },
          { row: '2010102', col: '3', text: '7' },
        ],
      },
      '粘贴',
    );
    const edited = writeDocument(s.document);
    s.undo();
    expect(writeDocument(s.document)).toBe(writeDocument(doc));
    s.redo();
    expect(writeDocument(s.document)).toBe(edited);
  });

  it('applyOperation without an owner still copies', () => {
    const doc = docWithRows();
    const next = applyOperation(doc, {
      type: 'setCells',
      table: '03',
      cells: [{ row: '2010101', col: '2', text: '3' }],
    }).doc;
    expect(doc.tables['03']?.values['2010101']?.['2']).toBe('10');
    expect(next.tables['03']?.values['2010101']?.['2']).toBe('3');
  });
});
