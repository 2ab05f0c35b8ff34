/**
 * Packaging: no installer can be built here (the Electron binary cannot be downloaded), so the
 * configuration is asserted: every platform, the fuses the afterPack hook flips, DevTools off.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = require(resolve(root, 'electron-builder.config.cjs'));
const { FUSES, fuseConfig } = require(resolve(root, 'build/fuses.cjs'));
const afterPack = require(resolve(root, 'build/after-pack.cjs'));

describe('the electron-builder configuration', () => {
  it('builds Windows NSIS, macOS and Linux installers from the built app only', () => {
    expect(config.productName).toBe('Waymark');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac.target).toContain('dmg');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage']));
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'resources/**/*']));
    expect(config.files.some((f: string) => /src-|test/.test(f))).toBe(false);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('uses only options electron-builder knows (its own JSON schema)', () => {
    const scheme = JSON.parse(
      readFileSync(resolve(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    );
    const known = (definition: string) => Object.keys(scheme.definitions[definition].properties);
    expect(Object.keys(scheme.properties)).toEqual(expect.arrayContaining(Object.keys(config)));
    expect(known('NsisOptions')).toEqual(expect.arrayContaining(Object.keys(config.nsis)));
    expect(known('MacConfiguration')).toEqual(expect.arrayContaining(Object.keys(config.mac)));
    expect(known('LinuxConfiguration')).toEqual(expect.arrayContaining(Object.keys(config.linux)));
  });

  it('runs the fuse-flipping hook after packing', () => {
    expect(resolve(root, config.afterPack)).toBe(resolve(root, 'build/after-pack.cjs'));
    expect(typeof afterPack).toBe('function');
  });

  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and requires a whole app.asar', () => {
    expect(FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
    expect(fuseConfig('win32')).toMatchObject({ version: FuseVersion.V1, ...FUSES });
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('linux').resetAdHocDarwinSignature).toBe(false);
  });

  it('finds the Electron binary the hook flips on each platform', () => {
    const packager = { appInfo: { productFilename: 'Waymark' }, executableName: 'waymark' };
    const at = (electronPlatformName: string) =>
      afterPack.electronBinary({ electronPlatformName, appOutDir: '/o', packager });
    expect(at('win32')).toBe('/o/Waymark.exe');
    expect(at('darwin')).toBe('/o/Waymark.app');
    expect(at('linux')).toBe('/o/waymark');
  });

  it('has an npm script to build the installer', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.package).toMatch(/electron-vite build && electron-builder/);
  });
});
