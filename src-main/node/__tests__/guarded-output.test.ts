import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardedOutput } from '../guarded-output';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gk-guarded-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
const at = () => new Date(2026, 11, 2, 3, 15, 7);

describe('guardedOutput', () => {
  it('writes, then overwrites its own earlier version, saying a file was replaced', async () => {
    const file = path.join(dir, '汇总.xlsx');
    const out = await guardedOutput(file);
    expect(await out.write('one')).toEqual({ status: 'written', file, replaced: false });
    expect(await out.write('two')).toEqual({ status: 'written', file, replaced: true });
    expect(await fs.readFile(file, 'utf8')).toBe('two');
    expect(await fs.readdir(dir)).toEqual(['汇总.xlsx']);
  });

  it('replaces the file that was there when it started (the output asked for)', async () => {
    const file = path.join(dir, '汇总.xlsx');
    await fs.writeFile(file, 'last year');
    const out = await guardedOutput(file);
    expect(await out.write('new')).toEqual({ status: 'written', file, replaced: true });
    expect(await fs.readFile(file, 'utf8')).toBe('new');
  });

  it('never overwrites a version someone else saved meanwhile: writes beside it, and goes on there', async () => {
    const file = path.join(dir, '汇总.xlsx');
    const out = await guardedOutput(file, { now: at });
    await out.write('ours 1');
    await fs.writeFile(file, 'edited in WPS, longer');
    const beside = path.join(dir, '汇总（03时15分07秒汇总）.xlsx');
    expect(await out.write('ours 2')).toEqual({ status: 'diverted', file: beside, kept: file });
    expect(await fs.readFile(file, 'utf8')).toBe('edited in WPS, longer');
    expect(await fs.readFile(beside, 'utf8')).toBe('ours 2');
    expect(await out.write('ours 3')).toEqual({ status: 'written', file: beside, replaced: true });
    expect(await fs.readFile(beside, 'utf8')).toBe('ours 3');
    expect(await fs.readFile(file, 'utf8')).toBe('edited in WPS, longer');
    expect(out.files()).toEqual([file, beside]);
  });

  it('a file created by someone else after it looked is theirs too; a beside name already taken is skipped', async () => {
    const file = path.join(dir, '汇总.xlsx');
    const out = await guardedOutput(file, { now: at });
    await fs.writeFile(file, 'theirs');
    await fs.writeFile(path.join(dir, '汇总（03时15分07秒汇总）.xlsx'), 'also theirs');
    const r = await out.write('ours');
    expect(r).toEqual({
      status: 'diverted',
      file: path.join(dir, '汇总（03时15分07秒汇总-2）.xlsx'),
      kept: file,
    });
    expect(await fs.readFile(file, 'utf8')).toBe('theirs');
    expect(await fs.readFile(path.join(dir, '汇总（03时15分07秒汇总）.xlsx'), 'utf8')).toBe('also theirs');
  });

  it('a removed output is written again (nothing of anyone is lost); one touched but unchanged is still ours', async () => {
    const file = path.join(dir, '汇总.xlsx');
    const out = await guardedOutput(file);
    await out.write('ours 1');
    await fs.rm(file);
    expect(await out.write('ours 2')).toEqual({ status: 'written', file, replaced: false });
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(file, later, later);
    expect(await out.write('ours 3')).toEqual({ status: 'written', file, replaced: true });
    expect(await fs.readdir(dir)).toEqual(['汇总.xlsx']);
  });
});
