/** Where the built CLI goes (out/cli). */
export const CLI_OUT_DIR: string;
export const CLI_INPUTS_FILE: string;
/** Builds src-main/cli to plain JavaScript in out/cli (swapped in whole). */
export function buildCli(): Promise<void>;
/** True when out/cli is missing or one of its sources changed since it was built. */
export function cliBuildIsStale(): boolean;
