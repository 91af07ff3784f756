/** Runs fn `warmup` times unmeasured, then `runs` times, and returns the timings in ms. */
export function measure(fn: (i: number) => void, runs: number, warmup = Math.min(50, runs)): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export async function measureAsync(
  fn: (i: number) => Promise<void>,
  runs: number,
  warmup = 2,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export function summary(times: number[]): { median: number; p95: number; runs: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] as number;
  return { median: at(0.5), p95: at(0.95), runs: s.length };
}

export function line(name: string, times: number[], target?: string): string {
  const { median, p95, runs } = summary(times);
  const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
  return `${name.padEnd(58)} median ${fmt(median).padStart(8)} ms   p95 ${fmt(p95).padStart(8)} ms   (n=${runs})${target ? `   target ${target}` : ''}`;
}
