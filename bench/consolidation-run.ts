// Runs in its own process (so its peak memory is its own): `tsx bench/consolidation-run.ts N` prints one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  builtinFormSet,
  newDocument,
  splitBySeverity,
  Workbook,
  writeDocument,
  type TableData,
} from '../src-core';
import { Decimal } from '../src-core/money';
import { consolidateFiles, readMemberFile } from '../src-main/node/consolidation-files';
import { generatedUnit } from './consolidation-units';
import { loadSampleDocument } from './sample';

const count = Number(process.argv[2] ?? 1000);
let checkedCells: number | undefined;
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

  // The whole result equals the decimal Workbook's: every unit's entered figures summed apart with Decimal, by
  // table, 科目 and column (the union of their rows), put in one document, and that document given to the Workbook
  // the editor uses. Every cell it shows, and where its rules do not hold, must be what the 汇总 gives.
  {
    const summed = new Map<string, Map<string, Map<string, Decimal>>>();
    const rowsBy = new Map<string, Map<string, { code: string; name: string }>>();
    for (let i = 0; i < count; i++) {
      const unit = generatedUnit(sample, i);
      for (const [table, data] of Object.entries(unit.tables)) {
        let t = summed.get(table);
        if (!t) summed.set(table, (t = new Map()));
        for (const r of data.rows ?? []) {
          let rs = rowsBy.get(table);
          if (!rs) rowsBy.set(table, (rs = new Map()));
          if (!rs.has(r.code)) rs.set(r.code, r);
        }
        for (const [row, cols] of Object.entries(data.values)) {
          let rr = t.get(row);
          if (!rr) t.set(row, (rr = new Map()));
          for (const [col, v] of Object.entries(cols)) rr.set(col, (rr.get(col) ?? new Decimal(0)).plus(v));
        }
      }
    }
    const tables: Record<string, TableData> = {};
    for (const [table, rows] of summed) {
      const values: Record<string, Record<string, string>> = {};
      for (const [row, cols] of rows)
        values[row] = Object.fromEntries([...cols].map(([c, v]) => [c, v.toFixed()]));
      const rs = [...(rowsBy.get(table)?.values() ?? [])].sort((a, b) => (a.code < b.code ? -1 : 1));
      tables[table] = { ...(rs.length > 0 ? { rows: rs } : {}), values };
    }
    const reference = new Workbook(formSet, { ...department, consolidation: undefined, tables });
    const got = consolidation.workbook();
    let cells = 0;
    for (const [table, model] of reference.tables)
      for (const r of model.rows)
        for (const col of r.columns) {
          const a = reference.cell(table, r.key, col)?.value?.toFixed() ?? null;
          const b = got.cell(table, r.key, col)?.value?.toFixed() ?? null;
          if (a !== b) throw new Error(`汇总的 ${table} ${r.key} ${col} 是 ${b}，按 Workbook 计算是 ${a}`);
          cells++;
        }
    const key = (f: {
      rule?: { id: string };
      cell: { table: string; row: string; col: string };
      severity: string;
    }) => `${f.rule?.id ?? ''} ${f.cell.table} ${f.cell.row} ${f.cell.col}`;
    const a = reference.findings().map(key).sort().join('\n');
    const b = findings.map(key).sort().join('\n');
    if (a !== b) throw new Error(`汇总审核出的位置与按 Workbook 审核的不同：\n${b}\n——\n${a}`);
    checkedCells = cells;
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
      checkedCells,
      replaceMedianMs: replaceMs[Math.floor(replaceMs.length / 2)],
      replaceP95Ms: replaceMs[Math.floor(0.95 * (replaceMs.length - 1))],
    })}\n`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
