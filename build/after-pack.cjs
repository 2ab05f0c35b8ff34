/* global module, require */
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */
/**
 * electron-builder's afterPack hook: flips the fuses (build/fuses.cjs) in the packaged Electron
 * binary before it is signed and wrapped in an installer.
 */
const { join } = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { fuseConfig } = require('./fuses.cjs');

/** Where electron-builder put the Electron binary for this platform. */
function electronBinary(context) {
  const { electronPlatformName: platform, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  if (platform === 'darwin') return join(appOutDir, `${name}.app`);
  if (platform === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  await flipFuses(electronBinary(context), fuseConfig(context.electronPlatformName));
}

module.exports = afterPack;
module.exports.electronBinary = electronBinary;
