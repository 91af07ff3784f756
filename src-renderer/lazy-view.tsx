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
  const Lazy = lazy(async () => {
    try {
      return { default: await load() };
    } catch (e) {
      throw new CodeLoadError(e instanceof Error ? e.message : String(e));
    }
  });
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

/** The view's code could not be loaded (as opposed to the view failing once loaded). */
class CodeLoadError extends Error {}

/**
 * Catches what a lazy view throws — its code failing to load (React rethrows it at render), or the view itself
 * failing — and says which view and why, in place of the view, instead of blanking the whole window.
 */
class LoadFailure extends Component<
  { name: string; children: ReactNode },
  { failure: { message: string; loading: boolean } | null }
> {
  override state: { failure: { message: string; loading: boolean } | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: { message: string; loading: boolean } } {
    const message = error instanceof Error ? error.message : String(error);
    return { failure: { message, loading: error instanceof CodeLoadError } };
  }

  override render(): ReactNode {
    const f = this.state.failure;
    if (f === null) return this.props.children;
    const what = f.loading ? `无法载入“${this.props.name}”的程序文件` : `“${this.props.name}”出错`;
    return (
      <div className="gk-error gk-loading" role="alert">
        {what}（{f.message}）。已填写的内容没有受影响；请保存后重新启动程序。
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
