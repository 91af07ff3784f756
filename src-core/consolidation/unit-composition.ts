import type { GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';
import type { MemberEntry } from './member-entry';

const LEAD = '纳入';
const LIST_ITEM = /^\d+．/;

/**
 * The 单位构成 of a 汇总 document, from its member list: the units summed (本级 first), numbered, in the section the
 * profile marks as listing them. The department's own paragraphs in that section are kept; the generated list
 * replaces the one generated before, so it follows the members as they change.
 */
export function withUnitComposition(
  formSet: FormSet,
  doc: GongkaiDocument,
  members: readonly MemberEntry[],
): GongkaiDocument {
  const section = formSet.publication.parts.flatMap((p) => p.sections ?? []).find((s) => s.unitList);
  if (!section) return doc;
  const included = members.filter((m) => m.status === 'included');
  const dept = doc.unit.name || '本部门';
  const own = included.some((m) => m.own);
  const lead = [
    `从预算单位构成看，${dept}部门决算包括：${[
      own ? `${dept}本级决算` : '',
      included.some((m) => !m.own) ? '下属单位决算' : '',
    ]
      .filter((s) => s !== '')
      .join('、')}。`,
    `${LEAD}${dept}${doc.unit.year}年度部门决算编制范围的单位包括：`,
  ];
  const content = doc.sections?.[section.key];
  const before = content?.paragraphs ?? [];
  const kept = before.filter(
    (p) =>
      !p.startsWith('从预算单位构成看，') &&
      !(p.startsWith(LEAD) && p.includes('编制范围的单位包括')) &&
      !LIST_ITEM.test(p),
  );
  // Where the profile prints the units as a table, the list is its rows (a 备注 typed before is kept by name).
  if (section.unitTable) {
    const notes = new Map((content?.units ?? []).map((u) => [u.name, u.note]));
    const units = included.map((m) => ({ name: m.unit, note: notes.get(m.unit) ?? '' }));
    return {
      ...doc,
      sections: { ...(doc.sections ?? {}), [section.key]: { paragraphs: [...kept, ...lead], units } },
    };
  }
  const generated = [...lead, ...included.map((m, i) => `${i + 1}．${m.unit}`)];
  return {
    ...doc,
    sections: { ...(doc.sections ?? {}), [section.key]: { paragraphs: [...kept, ...generated] } },
  };
}
