import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchMembers } from '../member-watcher';

describe('watchMembers', () => {
  it('reports a member replaced by rename (an atomic save) and a new unit in a member folder, once each', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gk-watch-'));
    const unit = path.join(dir, 'a.gongkai.json');
    await fs.writeFile(unit, '{}');
    const seen: string[] = [];
    const w = watchMembers([unit], [dir], (f) => seen.push(path.basename(f)));
    try {
      await fs.writeFile(path.join(dir, '.a.tmp'), '{"x":1}');
      await fs.rename(path.join(dir, '.a.tmp'), unit);
      await fs.writeFile(path.join(dir, 'b.gongkai.json'), '{}');
      await fs.writeFile(path.join(dir, 'notes.txt'), 'not a unit');
      await expect
        .poll(() => [...seen].sort(), { timeout: 5000 })
        .toEqual(['a.gongkai.json', 'b.gongkai.json']);
    } finally {
      w.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
