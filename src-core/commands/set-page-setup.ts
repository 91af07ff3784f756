import { pageSetupSchema } from '../document/schema';
import type { GongkaiDocument, PageSetup } from '../document/types';
import { normalisePageSetup } from '../export/page-setup';
import type { FormSet } from '../template';
import type { CommandResult } from './command';

/**
 * 页面设置: changes some of the document's page setup (what `change` names; the rest stays) as one undoable step.
 * The result is checked as a file's would be when it is read (scale 30–100%, margins 5–40 mm, at least one table,
 * only tables the forms have), so a setup the app stores always opens again. Entries that say what the profile's
 * layout says anyway are not stored.
 */
export function setPageSetup(
  formSet: FormSet,
  doc: GongkaiDocument,
  change: Partial<PageSetup>,
): CommandResult {
  const current = doc.pageSetup ?? {};
  const merged: PageSetup = {
    ...current,
    ...change,
    ...(change.orientation ? { orientation: { ...current.orientation, ...change.orientation } } : {}),
  };
  const checked = pageSetupSchema.safeParse(merged);
  if (!checked.success)
    return { ok: false, message: `页面设置没有改：${checked.error.issues[0]?.message ?? '内容不对'}。` };
  const unknown = [...Object.keys(merged.orientation ?? {}), ...(merged.tables ?? [])].filter(
    (id) => !formSet.tableById.has(id),
  );
  if (unknown.length > 0)
    return {
      ok: false,
      message: `页面设置没有改：${formSet.profile.name}没有“${unknown.join('、')}”这张表。`,
    };
  const value = normalisePageSetup(formSet, merged);
  if (JSON.stringify(value) === JSON.stringify(doc.pageSetup ?? null))
    return { ok: false, message: '页面设置没有变化。' };
  return { ok: true, operation: { type: 'setPageSetup', value }, label: '页面设置', notices: [] };
}
