import { formYears } from '../templates';
import { loadFormSet, type FormSet } from './template';

const cache = new Map<number, FormSet>();

/** The validated form set of a form year shipped with the app, or undefined if there is none. */
export function formSetFor(year: number): FormSet | undefined {
  const hit = cache.get(year);
  if (hit) return hit;
  const raw = formYears.find((f) => f.year === year);
  if (!raw) return undefined;
  const set = loadFormSet(raw);
  cache.set(year, set);
  return set;
}

/** The newest form set shipped with the app. */
export function builtinFormSet(): FormSet {
  const newest = Math.max(...formYears.map((f) => f.year));
  return formSetFor(newest) as FormSet;
}
