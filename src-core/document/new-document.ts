import { CURRENT_FORMAT_VERSION, type GongkaiDocument, type ProfileRef, type UnitInfo } from './types';

/**
 * A blank document (文件 › 新建) for a form year; with a profile, the document names it (without one it opens as
 * the national forms of that year, as files written before profiles did).
 */
export function newDocument(
  formYear: number,
  unit: Partial<UnitInfo> = {},
  profile?: ProfileRef,
): GongkaiDocument {
  return {
    format: 'gongkai',
    version: CURRENT_FORMAT_VERSION,
    formYear,
    ...(profile ? { profile: { id: profile.id, year: profile.year } } : {}),
    unit: { name: '', year: formYear, moneyUnit: '万元', publishDate: '', phone: '', ...unit },
    settings: { tolerance: '0.01' },
    tables: {},
  };
}
