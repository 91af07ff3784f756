import summary2023 from '../../templates/2023/forms/performance-summary.json';
import overall2023 from '../../templates/2023/forms/performance-overall.json';
import project2023 from '../../templates/2023/forms/performance-project.json';
import { loadPerformanceTemplates, type PerformanceTemplates } from './form-template';

/** The 绩效自评表 templates shipped with the app, per form year (raw; validated on first use). */
const RAW: ReadonlyMap<number, readonly unknown[]> = new Map([
  [2023, [summary2023, overall2023, project2023]],
]);

const cache = new Map<number, PerformanceTemplates>();

/**
 * The validated 绩效自评表 templates of a form year; a year without its own forms uses the newest earlier year's
 * (the newest year's for a year before all of them).
 */
export function performanceTemplatesFor(year: number): PerformanceTemplates {
  const years = [...RAW.keys()].sort((a, b) => a - b);
  const use = years.filter((y) => y <= year).pop() ?? (years[years.length - 1] as number);
  const hit = cache.get(use);
  if (hit) return hit;
  const loaded = loadPerformanceTemplates(RAW.get(use) as readonly unknown[]);
  cache.set(use, loaded);
  return loaded;
}
