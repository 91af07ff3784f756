/** Parsed command-line options: positional arguments and --flags (with or without a value). */
export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

/** Splits arguments; `valued` lists the flags that take a value (`--tolerance 0.02` or `--tolerance=0.02`). */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
): ParsedArgs | { error: string } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { error: `参数 --${name} 后面要写值。` };
      flags.set(name, value);
    } else {
      if (inline !== undefined) return { error: `参数 --${name} 不带值。` };
      flags.set(name, true);
    }
  }
  return { positional, flags };
}
