/** A min-heap of cell ids by topological rank, ignoring duplicates: derived cells come out in dependency order. */
export class RankHeap {
  private readonly items: number[] = [];
  private readonly queued = new Set<number>();
  constructor(private readonly rank: Int32Array) {}

  push(c: number): void {
    if (this.queued.has(c)) return;
    this.queued.add(c);
    const a = this.items;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.rank[a[p] as number] as number) <= (this.rank[c] as number)) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = c;
  }

  /** The queued cell of lowest rank, or -1 when none is left. */
  pop(): number {
    const a = this.items;
    if (a.length === 0) return -1;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      const r = (k: number) => this.rank[a[k] as number] as number;
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        let m = i;
        if (l < a.length && r(l) < r(m)) m = l;
        if (l + 1 < a.length && r(l + 1) < r(m)) m = l + 1;
        if (m === i) break;
        const tmp = a[i] as number;
        a[i] = a[m] as number;
        a[m] = tmp;
        i = m;
      }
    }
    this.queued.delete(top);
    return top;
  }
}
