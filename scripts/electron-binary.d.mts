/** The Electron executable's absolute path, or null if the binary is not installed (never downloads). */
export function findElectronBinary(projectRoot: string, env?: NodeJS.ProcessEnv): string | null;
