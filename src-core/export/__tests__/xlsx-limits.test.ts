import { describe, expect, it } from 'vitest';
import { builtinFormSet } from '../../builtin-forms';
import { generateDepartmentDocument } from '../../../bench/department-document';
import { exportXlsx } from '../xlsx-export';
import { importXlsx } from '../xlsx-import';
import { readXlsxSheets } from '../xlsx-reader';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS } from '../sheet-count';

describe('the importer reads back whatever the exporter writes', () => {
  it(
    'a 16× department (24,000 项, 28,000 rows a sheet) exports and imports as the same tables',
    { timeout: 300_000 },
    async () => {
      const formSet = builtinFormSet();
      const doc = generateDepartmentDocument(formSet, { scale: 16 });
      const bytes = await exportXlsx(formSet, doc);
      const sheets = readXlsxSheets(bytes);
      const biggest = Math.max(...sheets.map((s) => s.rows.length));
      expect(biggest).toBeGreaterThan(20_000); // beyond the old 20,000-row limit the app used to refuse its own files at
      expect(biggest).toBeLessThan(MAX_SHEET_ROWS);
      const cells = Math.max(
        ...sheets.map((s) => s.rows.reduce((n, r) => n + (r?.filter(Boolean).length ?? 0), 0)),
      );
      expect(cells).toBeLessThan(MAX_SHEET_CELLS);
      const result = await importXlsx(formSet, bytes);
      if (!result.ok) throw new Error(result.message);
      for (const id of ['02', '03', '05'])
        expect(result.document.tables[id]?.rows?.length, id).toBe(doc.tables[id]?.rows?.length);
      expect(result.document.tables['03']?.values['2010101']).toEqual(doc.tables['03']?.values['2010101']);
    },
  );
});
