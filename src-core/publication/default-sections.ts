import type { GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';
import { fillUnit } from './text-format';

/** A new document's pre-filled text: the standard 名词解释 and the other sections the template gives text for. */
export function withDefaultSections(formSet: FormSet, doc: GongkaiDocument): GongkaiDocument {
  const sections: Record<string, { paragraphs: string[] }> = { ...(doc.sections ?? {}) };
  for (const part of formSet.publication.parts) {
    for (const s of part.sections ?? []) {
      if (!s.default || sections[s.key]) continue;
      sections[s.key] = {
        paragraphs: s.default.map((t) => fillUnit(t, doc.unit, '本单位')),
      };
    }
  }
  return { ...doc, sections };
}
