import { Suspense, lazy, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A view whose code is loaded when it is first shown, not with the first screen (`npm run bench:ui` cold load): the
 * text pages, the 绩效自评表, the 单位信息, the 汇总 panel and the dialogs are a click away from a table, never on it.
 * Until the chunk has arrived (from disk, a few milliseconds) `fallback` stands in its place.
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = (
    <div className="gk-loading" role="status">
      正在载入…
    </div>
  ),
): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyView(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyView;
}

/**
 * Mounts `children` from the first time `wanted` is true and keeps them mounted after (a panel that holds its own
 * state while closed, like the 汇总 panel, keeps it): before that, nothing — and no chunk — is loaded.
 */
export function MountOnceWanted({ wanted, children }: { wanted: boolean; children: ReactNode }) {
  const [mounted, setMounted] = useState(wanted);
  if (wanted && !mounted) setMounted(true);
  return mounted ? children : null;
}
