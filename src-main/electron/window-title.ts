export const APP_TITLE = '决算公开表编辑器';

/**
 * `报表.gongkai.json • — 决算公开表编辑器`: the document first (that is what the taskbar shows), the unsaved mark
 * after it. Control characters from a file name never reach the native title bar.
 */
export function formatWindowTitle(state: { readonly title: string; readonly dirty: boolean }): string {
  // eslint-disable-next-line no-control-regex
  const title = state.title.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (title === '') return state.dirty ? `• — ${APP_TITLE}` : APP_TITLE;
  return `${title}${state.dirty ? ' •' : ''} — ${APP_TITLE}`;
}
