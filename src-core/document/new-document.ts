import { CURRENT_FORMAT_VERSION, type GongkaiDocument, type UnitInfo } from './types';

/** A blank document (文件 › 新建) for a form year. */
export function newDocument(formYear: number, unit: Partial<UnitInfo> = {}): GongkaiDocument {
  return {
    format: 'gongkai',
    version: CURRENT_FORMAT_VERSION,
    formYear,
    unit: { name: '', year: formYear, moneyUnit: '万元', publishDate: '', phone: '', ...unit },
    settings: { tolerance: '0.01' },
    tables: {},
  };
}
