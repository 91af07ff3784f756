import type { GongkaiDocument } from '../document/types';

/** Which forms a document follows, as far as consolidation cares: members must all follow the same ones. */
export interface ProfileIdentity {
  /** Compared between documents. */
  readonly key: string;
  /** For messages: 2023年度报表. */
  readonly label: string;
}

/**
 * The one place consolidation decides which profile a document belongs to. Until documents carry a profile id
 * this is their form year; a member whose identity differs from the department's is refused, not summed.
 */
export function profileIdentity(doc: GongkaiDocument): ProfileIdentity {
  return { key: `year:${doc.formYear}`, label: `${doc.formYear}年度报表格式` };
}
