/* global module */
/**
 * Installers: `npm run package` (after `npm run build`) on a machine that can download Electron.
 * Windows NSIS, macOS dmg, Linux AppImage and deb. The afterPack hook flips the Electron fuses.
 */
module.exports = {
  appId: 'uk.org.waymark.desktop',
  productName: 'Waymark',
  directories: { output: 'dist', buildResources: 'build' },
  // The built app and the data it ships (fonts, profiles, calendars); never sources or tests.
  files: ['out/**/*', 'resources/**/*', 'package.json', '!**/*.map'],
  asar: true,
  // The native SQLite binding cannot be loaded from inside the archive.
  asarUnpack: ['**/node_modules/better-sqlite3-multiple-ciphers/**'],
  afterPack: './build/after-pack.cjs',
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // The caseload is the adviser's record: uninstalling never deletes it.
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office' },
};
