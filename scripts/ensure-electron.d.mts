export type EnsureResult = { ok: true; path: string; fetched: boolean } | { ok: false; reason: string };
export const NOT_INSTALLED_MESSAGE: string;
/** The binary if present; else fetch() then look again. */
export function ensureElectron(steps: {
  find: () => string | null;
  fetch: () => Promise<{ ok: boolean; detail?: string }>;
}): Promise<EnsureResult>;
/** Electron's own installer (node_modules/electron/install.js) in a child process. */
export function runElectronInstaller(
  projectRoot: string,
  env?: NodeJS.ProcessEnv,
): Promise<{ ok: boolean; detail?: string }>;
/** Look for the binary, else fetch it with Electron's installer. */
export function ensureElectronBinary(projectRoot: string, env?: NodeJS.ProcessEnv): Promise<EnsureResult>;
