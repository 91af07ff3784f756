import { describe, expect, it } from 'vitest';
import { builderConfig, signingFromEnvironment } from '../../../electron.config';

describe('packaging hardening', () => {
  it('flips the Electron fuses: no RunAsNode, NODE_OPTIONS or --inspect; app only from a verified asar; cookies encrypted; no file:// extras', () => {
    expect(builderConfig.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(builderConfig.asar).toBe(true);
  });

  it('signs with the certificate the environment names, and insists on it only when one is given', () => {
    expect(signingFromEnvironment({})).toEqual({ forceCodeSigning: false });
    expect(signingFromEnvironment({ WIN_CSC_LINK: '/secure/cert.pfx' })).toEqual({ forceCodeSigning: true });
    expect(builderConfig.win?.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    // The certificate and its password are never in the configuration itself.
    expect(JSON.stringify(builderConfig)).not.toMatch(/\.pfx|\.p12|password/i);
  });
});
