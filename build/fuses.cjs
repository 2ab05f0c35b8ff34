/* global module, require */
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */
/**
 * The Electron fuses flipped in every packaged binary (read by build/after-pack.cjs and asserted
 * by test/security/packaging.test.ts). Fuses are bits in the binary itself, so no command line
 * flag or environment variable can turn these back on:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn Waymark into a plain Node.js runtime.
 * - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS cannot inject code.
 * - EnableNodeCliInspectArguments off: --inspect cannot attach a debugger to the main process.
 * - OnlyLoadAppFromAsar on, EnableEmbeddedAsarIntegrityValidation on: only the signed-off
 *   app.asar runs, and a modified one is refused.
 * - EnableCookieEncryption on: the renderer's storage is encrypted with the OS keychain.
 */
const { FuseVersion, FuseV1Options } = require('@electron/fuses');

const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The fuse configuration for one platform's binary. */
function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // Flipping fuses invalidates an ad-hoc signature on Apple silicon: re-sign it.
    resetAdHocDarwinSignature: platform === 'darwin',
    ...FUSES,
  };
}

module.exports = { FUSES, fuseConfig };
