// The package ships typings that its "exports" map hides; its API is better-sqlite3's.
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to re-export an `export =` module
  import Database = require('better-sqlite3');
  export = Database;
}
