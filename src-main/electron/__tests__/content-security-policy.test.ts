import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  withContentSecurityPolicy,
} from '../content-security-policy';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('Content-Security-Policy', () => {
  it('allows only the app itself to run scripts, and never eval', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('img-src')).toBe("'self' data: blob:");
    expect(d.get('font-src')).toBe("'self' data:");
  });

  it("lets AG Grid's themes inject styles, and nothing else inline", () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY.match(/unsafe-inline/g)).toHaveLength(1);
  });

  it('leaves frame-ancestors out of the meta-tag form, where browsers ignore it', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(META_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it("opens the dev policy only as far as Vite's dev server needs", () => {
    const dev = directives(devContentSecurityPolicy('http://localhost:5173/'));
    expect(dev.get('connect-src')).toBe("'self' ws://localhost:5173");
    expect(dev.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(devContentSecurityPolicy('http://localhost:5173')).not.toContain('unsafe-eval');
  });

  it('replaces whatever policy a response carried, whatever the header case', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' },
      CONTENT_SECURITY_POLICY,
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe("the renderer's own <meta> policy", () => {
  it('matches the policy the main process sends, so neither silently loosens the other', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = path.resolve(__dirname, '../../../src-renderer/index.html');
    if (!fs.existsSync(file)) return;
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(
      fs.readFileSync(file, 'utf8'),
    );
    if (!meta) return; // no meta tag: the header alone applies
    expect(meta[1]).toBe(META_CONTENT_SECURITY_POLICY);
  });
});
