import fs from 'node:fs';
import path from 'node:path';
import { builtinFormSet } from '../../builtin-forms';
import { readDocument } from '../../document';
import type { GongkaiDocument } from '../../document/types';
import type { Workbook } from '../workbook';

export const formSet = builtinFormSet();

export const SAMPLE_PATH = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');

export function loadSample(): GongkaiDocument {
  const r = readDocument(fs.readFileSync(SAMPLE_PATH, 'utf8'), () => formSet);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

/** The shown value of a cell as text with 2 decimals, '' when empty, '?' when unknown. */
export function shown(wb: Workbook, table: string, row: string, col: string): string {
  const s = wb.cell(table, row, col);
  if (!s) throw new Error(`no cell ${table}/${row}/${col}`);
  if (s.unknown) return '?';
  return s.value === null ? '' : s.value.toFixed(2);
}
