import { describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSION, ensureExtension, safeFileName } from '../file-dialogs';

describe('ensureExtension', () => {
  it('adds .gongkai.json to a bare name and completes .json', () => {
    expect(ensureExtension('/d/报表', DOCUMENT_EXTENSION)).toBe('/d/报表.gongkai.json');
    expect(ensureExtension('/d/报表.json', DOCUMENT_EXTENSION)).toBe('/d/报表.gongkai.json');
    expect(ensureExtension('/d/报表.txt', DOCUMENT_EXTENSION)).toBe('/d/报表.txt.gongkai.json');
  });

  it('keeps a name that already ends right, in any case', () => {
    expect(ensureExtension('/d/报表.gongkai.json', DOCUMENT_EXTENSION)).toBe('/d/报表.gongkai.json');
    expect(ensureExtension('C:\\D\\报表.GONGKAI.JSON', DOCUMENT_EXTENSION)).toBe('C:\\D\\报表.GONGKAI.JSON');
    expect(ensureExtension('/d/表.XLSX', '.xlsx')).toBe('/d/表.XLSX');
  });

  it('works for single extensions', () => {
    expect(ensureExtension('/d/表', '.pdf')).toBe('/d/表.pdf');
    expect(ensureExtension('/d/表.xls', '.xlsx')).toBe('/d/表.xls.xlsx');
  });
});

describe('safeFileName', () => {
  it('removes folders and characters Windows forbids', () => {
    expect(safeFileName('../../etc/passwd', 'x')).toBe('_.._etc_passwd');
    expect(safeFileName('a:b*c?"d"<e>|f', 'x')).toBe('a_b_c__d__e__f');
    expect(safeFileName('2023年 决算公开', 'x')).toBe('2023年 决算公开');
  });

  it('falls back when nothing usable is left', () => {
    expect(safeFileName('', '决算公开表')).toBe('决算公开表');
    expect(safeFileName(' ... ', '决算公开表')).toBe('决算公开表');
  });
});
