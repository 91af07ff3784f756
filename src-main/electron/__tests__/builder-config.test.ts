import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import electronViteConfig, { builderConfig } from '../../../electron.config';

const ROOT = path.resolve(__dirname, '../../..');

type TargetEntry = { target: string; arch?: string[] | string };
function targets(value: unknown): TargetEntry[] {
  return (Array.isArray(value) ? value : [value]) as TargetEntry[];
}
function archOf(list: TargetEntry[], name: string): string[] {
  const entry = list.find((t) => t.target === name);
  return entry?.arch === undefined ? [] : ([] as string[]).concat(entry.arch);
}

describe('builderConfig', () => {
  it('names the app', () => {
    expect(builderConfig.appId).toBe('cn.gongkai.editor');
    expect(builderConfig.productName).toBe('决算公开表编辑器');
    expect(builderConfig.directories).toEqual({ buildResources: 'build', output: 'release' });
    expect(builderConfig.files).toContain('out/**');
    expect(builderConfig.copyright).toBeTruthy();
    expect(builderConfig.extraMetadata).toMatchObject({ main: 'out/main/index.js' });
    expect(builderConfig.extraMetadata.description).toBeTruthy();
    expect(builderConfig.extraMetadata.author).toBeTruthy();
  });

  it('builds an NSIS installer and a portable exe for 64-bit Windows', () => {
    const win = targets(builderConfig.win?.target);
    expect(win.map((t) => t.target).sort()).toEqual(['nsis', 'portable']);
    expect(archOf(win, 'nsis')).toEqual(['x64']);
    expect(archOf(win, 'portable')).toEqual(['x64']);
  });

  it('builds AppImage and deb for x64 and arm64 (信创), in the Office category, with CJK fonts', () => {
    const linux = targets(builderConfig.linux?.target);
    expect(linux.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(archOf(linux, 'AppImage').sort()).toEqual(['arm64', 'x64']);
    expect(archOf(linux, 'deb').sort()).toEqual(['arm64', 'x64']);
    expect(builderConfig.linux?.category).toBe('Office');
    expect(builderConfig.deb?.depends).toContain('fonts-noto-cjk');
    // Overriding depends replaces electron-builder's list, so its essentials must be repeated.
    expect(builderConfig.deb?.depends).toEqual(
      expect.arrayContaining(['libgtk-3-0', 'libnss3', 'xdg-utils']),
    );
  });

  it('names every artifact with version and arch, so x64 and arm64 builds do not overwrite each other', () => {
    for (const artifactName of [
      builderConfig.nsis?.artifactName,
      builderConfig.portable?.artifactName,
      builderConfig.appImage?.artifactName,
      builderConfig.deb?.artifactName,
    ]) {
      expect(artifactName).toContain('${version}');
      expect(artifactName).toContain('${arch}');
    }
    expect(builderConfig.nsis?.artifactName).not.toBe(builderConfig.portable?.artifactName);
  });

  it('uses a 512×512 PNG icon that exists', () => {
    for (const icon of [builderConfig.win?.icon, builderConfig.linux?.icon]) {
      expect(icon).toBe('build/icon.png');
    }
    const png = fs.readFileSync(path.join(ROOT, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('electron-vite config', () => {
  const config = electronViteConfig as {
    main: { build: { rolldownOptions: { input: Record<string, string> } } };
    preload: {
      build: {
        externalizeDeps: boolean;
        rolldownOptions: { input: Record<string, string>; output: { format: string } };
      };
    };
    renderer: { root: string; build: { outDir: string; rolldownOptions: { input: string } } };
  };

  it('builds main and a CommonJS preload from src-main/electron into out/', () => {
    expect(config.main.build.rolldownOptions.input).toEqual({
      index: path.join(ROOT, 'src-main/electron/main.ts'),
    });
    expect(config.preload.build.rolldownOptions.input).toEqual({
      index: path.join(ROOT, 'src-main/electron/preload.ts'),
    });
    expect(config.preload.build.rolldownOptions.output.format).toBe('cjs');
    expect(config.preload.build.externalizeDeps).toBe(false);
  });

  it('builds the renderer from src-renderer/index.html', () => {
    expect(config.renderer.root).toBe(path.join(ROOT, 'src-renderer'));
    expect(config.renderer.build.rolldownOptions.input).toBe(path.join(ROOT, 'src-renderer/index.html'));
    expect(config.renderer.build.outDir).toBe(path.join(ROOT, 'out/renderer'));
  });
});
