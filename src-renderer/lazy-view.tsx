import { Component, Suspense, lazy, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A view whose code is loaded when it is first shown, not with the first screen (`npm run bench:ui` cold load): the
 * text pages, the 绩效自评表, the 单位信息, the 汇总 panel and the dialogs are a click away from a table, never on it.
 * Until the chunk has arrived (from disk, a few milliseconds) `fallback` stands in its place; if it cannot be loaded
 * (the program's files changed or went missing while it ran) the place says so, and the rest of the window works on.
 */
export function lazyView<P extends object>(
  name: string,
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
      <LoadFailure name={name}>
        <Suspense fallback={fallback}>
          <Lazy {...props} />
        </Suspense>
      </LoadFailure>
    );
  }
  return LazyView;
}

/** Catches the failed load of a lazy view's code (React rethrows it at render) and says which view and why. */
class LoadFailure extends Component<{ name: string; children: ReactNode }, { message: string | null }> {
  override state: { message: string | null } = { message: null };

  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return (
      <div className="gk-error gk-loading" role="alert">
        无法载入“{this.props.name}”的程序文件（{this.state.message}
        ）。已填写的内容没有受影响；请保存后重新启动程序。
      </div>
    );
  }
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
