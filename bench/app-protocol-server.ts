// The built renderer served as the desktop app serves it: the app:// protocol handler of src-main (files read from
// disk as they are, with the app's Content-Security-Policy, no compression), behind a loopback HTTP server so a
// plain Chromium can load it. `vite preview` (what `npm run web` runs) compresses every response on the fly instead.
import http from 'node:http';
import { createAppProtocolHandler } from '../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../src-main/electron/content-security-policy';

/** Serves `rendererDir` on 127.0.0.1 through the app protocol's handler; returns its index URL and a closer. */
export async function serveAsDesktopApp(
  rendererDir: string,
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const handler = createAppProtocolHandler({ rendererDir, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  const server = http.createServer((req, res) => {
    void (async () => {
      const answer = await handler({ url: `app://gongkai${req.url ?? '/'}`, method: req.method });
      res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
