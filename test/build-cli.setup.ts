// Vitest global setup: the CLI tests run the built JavaScript (out/cli), as `npx gongkai` does; build it once,
// before any test starts, so parallel test files never race to rebuild it.
import { buildCli } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
