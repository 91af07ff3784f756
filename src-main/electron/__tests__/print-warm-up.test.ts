// The print window is opened ahead of the first export, a while after the app has shown its first screen — and not
// at all once the window has closed (a hidden window would keep the app from quitting).
import { describe, expect, it } from 'vitest';
import { schedulePrintWarmUp } from '../print-warm-up';

function setup() {
  const listeners: (() => void)[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  let destroyed = false;
  let warmUps = 0;
  const cancel = schedulePrintWarmUp({
    window: { once: (_e, l) => listeners.push(l), isDestroyed: () => destroyed },
    warmUp: async () => void warmUps++,
    setTimeout: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimeout: (t) => void ((t as { cleared: boolean }).cleared = true),
  });
  return {
    show: () => listeners.forEach((l) => l()),
    fire: () => timers.filter((t) => !t.cleared).forEach((t) => t.fn()),
    close: () => {
      destroyed = true;
      cancel();
    },
    timers,
    warmUps: () => warmUps,
  };
}

describe('schedulePrintWarmUp', () => {
  it('warms the print window up once, a while after the window first shows', () => {
    const s = setup();
    expect(s.timers).toHaveLength(0); // nothing before the first screen
    s.show();
    expect(s.timers).toHaveLength(1);
    expect(s.timers[0]?.ms).toBeGreaterThanOrEqual(1_000);
    expect(s.warmUps()).toBe(0);
    s.fire();
    expect(s.warmUps()).toBe(1);
  });

  it('does nothing once the window has closed, before or after it showed', () => {
    const shown = setup();
    shown.show();
    shown.close();
    shown.fire();
    expect(shown.warmUps()).toBe(0);
    expect(shown.timers[0]?.cleared).toBe(true);

    const never = setup();
    never.close();
    never.show();
    never.fire();
    expect(never.warmUps()).toBe(0);
    expect(never.timers).toHaveLength(0);
  });
});
