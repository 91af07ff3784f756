import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

/**
 * 汇总 of 1,000 generated units (each read from its file, checked, summed) and the result checked; peak memory of
 * that process; one changed member re-read and re-consolidated. Run in a child process so its peak memory is its own.
 */
export function runConsolidationBench(out: (s: string) => void, count = 1000): void {
  out(`\n— 汇总 / consolidation (${count} 个单位) —\n`);
  const script = path.resolve(import.meta.dirname, 'consolidation-run.ts');
  const tsx = path.resolve(import.meta.dirname, '../node_modules/.bin/tsx');
  const r = JSON.parse(execFileSync(tsx, [script, String(count)], { encoding: 'utf8' })) as {
    included: number;
    totalMs: number;
    totalCpuMs: number;
    checkedCells: number;
    peakRssMb: number;
    total: string | null;
    totalApart: string;
    replaceMedianMs: number;
    replaceP95Ms: number;
  };
  if (r.included !== count) throw new Error(`汇总了 ${r.included} 个单位，应为 ${count}`);
  if (r.total !== r.totalApart)
    throw new Error(`汇总的 公开03表 合计 ${r.total} 与各单位之和 ${r.totalApart} 不等`);
  if (!(r.checkedCells > 0)) throw new Error('汇总结果没有与 Workbook 逐格比对');
  const pad = (s: string) => s.padEnd(58);
  out(
    `${pad(`read + check ${count} units + sum + check result`)} ${r.totalMs.toFixed(0).padStart(8)} ms   target < 2000 ms   (CPU ${r.totalCpuMs.toFixed(0)} ms; equal to the decimal Workbook in all ${r.checkedCells} cells and findings)\n`,
  );
  out(
    `${pad('peak memory (RSS) of that process')} ${r.peakRssMb.toFixed(0).padStart(8)} MB   target < 500 MB\n`,
  );
  out(
    `${pad('one changed member re-read + re-consolidated')} median ${r.replaceMedianMs.toFixed(1).padStart(6)} ms   p95 ${r.replaceP95Ms.toFixed(1)} ms   (n=20)   target < 50 ms\n`,
  );
  out(`  (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores while measured)\n`);
}
