import type { GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';

/** A new document's pre-filled text: the standard 名词解释 and the other sections the template gives text for. */
export function withDefaultSections(formSet: FormSet, doc: GongkaiDocument): GongkaiDocument {
  const sections: Record<string, { paragraphs: string[] }> = { ...(doc.sections ?? {}) };
  for (const part of formSet.publication.parts) {
    for (const s of part.sections ?? []) {
      if (!s.default || sections[s.key]) continue;
      sections[s.key] = {
        paragraphs: s.default.map((t) =>
          t.replace(/\{单位\}/g, doc.unit.name || '本单位').replace(/\{年度\}/g, String(doc.unit.year)),
        ),
      };
    }
  }
  return { ...doc, sections };
}
