/**
 * The renderer's Content-Security-Policy. The app shows only its own bundled files, so everything is 'self';
 * styles may be inline because AG Grid's themes inject <style> at run time. Never 'unsafe-eval'.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

function serialize(directives: readonly (readonly [string, string])[]): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

export const CONTENT_SECURITY_POLICY = serialize(DIRECTIVES);

/**
 * The same policy for a <meta> tag in the built index.html. Headers may not reach file:// pages on every Electron
 * version, so the build writes the policy into the page too; browsers ignore frame-ancestors in a meta tag.
 */
export const META_CONTENT_SECURITY_POLICY = serialize(
  DIRECTIVES.filter(([name]) => name !== 'frame-ancestors'),
);

/**
 * Under `electron-vite dev` the page comes from Vite's server, which needs an inline script (React Fast Refresh's
 * preamble) and a WebSocket for hot reload. Only ever used when that dev server URL is set.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl);
  const ws = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return serialize(
    DIRECTIVES.map(([name, value]): readonly [string, string] => {
      if (name === 'script-src') return [name, `${value} 'unsafe-inline'`];
      if (name === 'connect-src') return [name, `${value} ${ws}`];
      return [name, value];
    }),
  );
}

/** Response headers with our policy replacing any the response carried (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
