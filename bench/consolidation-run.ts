// Runs in its own process (so its peak memory is its own): `tsx bench/consolidation-run.ts N` prints one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinFormSet, newDocument, splitBySeverity, Workbook, writeDocument } from '../src-core';
import { Decimal } from '../src-core/money';
import { consolidateFiles, readMemberFile } from '../src-main/node/consolidation-files';
import { generatedUnit } from './consolidation-units';
import { loadSampleDocument } from './sample';

const count = Number(process.argv[2] ?? 1000);
const formSet = builtinFormSet();
const sample = loadSampleDocument();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-consolidate-'));
try {
  fs.mkdirSync(path.join(dir, 'units'));
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, 'units', `unit-${String(i).padStart(4, '0')}.gongkai.json`);
    fs.writeFileSync(file, writeDocument(generatedUnit(sample, i)));
  }
  const department = {
    ...newDocument(formSet.year, { name: '测试部门' }),
    consolidation: { members: ['units'] },
  };
  const departmentFile = path.join(dir, 'dept.gongkai.json');
  const rssBefore = process.memoryUsage().rss;
  let unitFindings = 0;
  const countsByFile = new Map<string, number>();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { consolidation } = await consolidateFiles({
    formSet,
    department,
    departmentFile,
    // The counts of each unit's check (its findings' sentences are written only when shown, as the CLI does).
    onMember: (c) => {
      if (c.entry.status !== 'included') return;
      const n = c.entry.counts.errors + c.entry.counts.warnings;
      unitFindings += n;
      countsByFile.set(path.basename(c.entry.source.id), n);
    },
  });
  const findings = consolidation.findings();
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const totalCpuMs = (cpu.user + cpu.system) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  // Each unit's check agrees with the decimal Workbook's (the one the editor uses), for a sample of the units.
  for (let i = 0; i < count; i += 97) {
    const file = `unit-${String(i).padStart(4, '0')}.gongkai.json`;
    const expected = new Workbook(formSet, generatedUnit(sample, i)).findings().length;
    if (countsByFile.get(file) !== expected)
      throw new Error(`${file}：汇总时审核出 ${countsByFile.get(file)} 条，单独审核是 ${expected} 条`);
  }

  // The same total computed apart: Σ over units of each unit's own 公开03表 合计 1栏 as its workbook shows it.
  const wb = consolidation.workbook();
  const shown = wb.cell('03', '合计', '1')?.value?.toFixed() ?? null;
  let expected = new Decimal(0);
  const contributions = consolidation.contributions({ table: '03', row: '合计', col: '1' });
  for (const c of contributions) expected = expected.plus(c.value ?? 0);

  // One changed member, re-consolidated: re-read it and replace it, twenty times, alternating two versions.
  const changed = path.join(dir, 'units', 'unit-0500.gongkai.json');
  const versions = [
    writeDocument(generatedUnit(sample, 500, 1)),
    writeDocument(generatedUnit(sample, 500, 0)),
  ];
  const replaceMs: number[] = [];
  for (let k = 0; k < 21; k++) {
    fs.writeFileSync(changed, versions[k % 2] as string);
    const t = performance.now();
    const read = await readMemberFile(changed, formSet);
    consolidation.setMember({ id: changed, label: 'units/unit-0500.gongkai.json' }, read);
    consolidation.findings();
    if (k > 0) replaceMs.push(performance.now() - t);
  }
  replaceMs.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      count,
      included: consolidation.includedCount,
      totalMs,
      totalCpuMs,
      peakRssMb,
      rssBeforeMb: rssBefore / 1024 / 1024,
      unitFindings,
      consolidated: { errors: splitBySeverity(findings).errors.length, warnings: findings.length },
      total: shown,
      totalApart: expected.toFixed(),
      contributors: contributions.length,
      replaceMedianMs: replaceMs[Math.floor(replaceMs.length / 2)],
      replaceP95Ms: replaceMs[Math.floor(0.95 * (replaceMs.length - 1))],
    })}\n`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
