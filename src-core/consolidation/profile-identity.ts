import { DEFAULT_PROFILE_ID, listProfiles } from '../builtin-forms';
import type { GongkaiDocument } from '../document/types';

/** Which forms a document follows, as far as consolidation cares: members must all follow the same ones. */
export interface ProfileIdentity {
  /** Compared between documents. */
  readonly key: string;
  /** For messages: 上海市 2024 年度表样（shanghai）. */
  readonly label: string;
}

/**
 * The one place consolidation decides which profile a document belongs to: its profile id and year (files written
 * before profiles existed follow the national forms of their form year). A member whose identity differs from the
 * department's is refused, not summed.
 */
export function profileIdentity(doc: GongkaiDocument): ProfileIdentity {
  const id = doc.profile?.id ?? DEFAULT_PROFILE_ID;
  const year = doc.profile?.year ?? doc.formYear;
  const name = listProfiles().find((p) => p.id === id && p.year === year)?.name ?? id;
  return { key: `${id}@${year}`, label: `${year}年度报表格式（${name}）` };
}
