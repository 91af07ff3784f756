import { HOST_GLOBAL, type HostApi, type HostCommand } from '../../src-core/host';
import { createBrowserHost } from './browser-host';

/** The host this renderer runs in: Electron's preload bridge if present, else the browser host. */
export interface RendererHost {
  readonly api: HostApi;
  readonly kind: 'electron' | 'browser';
  /** In the browser the in-page menu bar raises commands itself. */
  dispatch(command: HostCommand): void;
}

export function getHost(): RendererHost {
  const bridged = (window as unknown as Record<string, HostApi | undefined>)[HOST_GLOBAL];
  if (bridged) {
    const local = new Set<(c: HostCommand) => void>();
    bridged.onCommand((c) => local.forEach((l) => l(c)));
    return {
      kind: 'electron',
      api: {
        ...bridged,
        onCommand: (l) => {
          local.add(l);
          return () => local.delete(l);
        },
      },
      dispatch: (c) => local.forEach((l) => l(c)),
    };
  }
  const browser = createBrowserHost();
  return { kind: 'browser', api: browser, dispatch: (c) => browser.dispatch(c) };
}
