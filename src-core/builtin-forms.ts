import { profiles } from '../templates';
import type { GongkaiDocument } from './document/types';
import { correspondenceProblems, loadFormSet, TemplateError, type FormSet } from './template';

/** The profile a document follows when its file names none: the national forms of its year. */
export const DEFAULT_PROFILE_ID = 'national';

/** A profile as `gongkai profiles` and 新建 list it. */
export interface ProfileSummary {
  readonly id: string;
  readonly year: number;
  readonly name: string;
  readonly source: string;
}

const cache = new Map<string, FormSet>();

/**
 * The validated form set of a profile shipped with the app (the national one of that year when no id is given),
 * or undefined if there is none. Throws TemplateError when the profile's data breaks its contract.
 */
export function formSetFor(year: number, profileId: string = DEFAULT_PROFILE_ID): FormSet | undefined {
  const key = `${profileId}@${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const raw = profiles.find((p) => p.id === profileId && p.year === year);
  if (!raw) return undefined;
  const set = loadFormSet(raw);
  cache.set(key, set);
  // The other side of each 表样对应 is checked against the profile it names (cached first, so two profiles that name
  // each other do not loop); a slip fails this load, naming the table or column.
  const problems: string[] = [];
  for (const c of set.correspondences) {
    const other = formSetFor(c.with.year, c.with.id);
    if (!other) problems.push(`表样对应：没有表样 ${c.with.id}@${c.with.year}`);
    else problems.push(...correspondenceProblems(c, 1, other.tableById, set.tableById));
  }
  if (problems.length > 0) {
    cache.delete(key);
    throw new TemplateError(problems.map((p) => `${key}：${p}`));
  }
  return set;
}

/** The form set a document names (old files without a profile: the national forms of their form year). */
export function formSetOfDocument(doc: Pick<GongkaiDocument, 'formYear' | 'profile'>): FormSet | undefined {
  return formSetFor(doc.profile?.year ?? doc.formYear, doc.profile?.id ?? DEFAULT_PROFILE_ID);
}

/** Every profile shipped with the app, in the registry's order. */
export function listProfiles(): ProfileSummary[] {
  return profiles.map(({ id, year, name, source }) => ({ id, year, name, source }));
}

/** The form set new documents and imports default to: the 2023 national profile, as before profiles existed. */
export function builtinFormSet(): FormSet {
  return formSetFor(2023, DEFAULT_PROFILE_ID) as FormSet;
}

/** Every profile's form set, in the registry's order (what an import recognises a workbook among). */
export function allFormSets(): FormSet[] {
  return profiles.map((p) => formSetFor(p.year, p.id) as FormSet);
}
