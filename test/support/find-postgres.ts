/**
 * Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) that tests needing a real
 * PostgreSQL start a private cluster with, in this order: WAYMARK_PG_BIN; `pg_config --bindir`;
 * the usual install places for the OS (Debian's /usr/lib/postgresql/<newest>/bin, the source
 * build's /usr/local/pgsql/bin, Homebrew, Postgres.app, the Windows installer). It only looks:
 * starting a cluster is the caller's job. A pure function of what it is given, so every branch
 * is tested without touching the machine; `findPostgresHere()` gives it the real ones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export interface PostgresSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  /** Names in a folder; empty when there is no such folder. */
  list: (dir: string) => string[];
  /** What `pg_config --bindir` prints, or undefined when there is no pg_config. */
  pgConfigBindir: () => string | undefined;
}

export type PostgresFound =
  | { found: true; binDir: string; from: 'WAYMARK_PG_BIN' | 'pg_config' | 'the system' }
  | { found: false; message: string };

export const POSTGRES_PROGRAMS = ['initdb', 'pg_ctl', 'postgres'] as const;

const separator = (platform: NodeJS.Platform) => (platform === 'win32' ? '\\' : '/');

/** The full path of one server program in a bin folder. */
export function postgresProgram(
  binDir: string,
  program: (typeof POSTGRES_PROGRAMS)[number],
  platform: NodeJS.Platform,
): string {
  return `${binDir}${separator(platform)}${program}${platform === 'win32' ? '.exe' : ''}`;
}

/** Version-named folders ("15", "postgresql@17", "16.4"), newest first. */
function newestFirst(names: string[], pattern: RegExp): string[] {
  const version = (name: string) => Number(pattern.exec(name)?.[1] ?? 0);
  return names.filter((n) => pattern.test(n)).sort((a, b) => version(b) - version(a));
}

/** The usual install places for the OS, most specific (and newest) first. */
export function systemPostgresDirs(
  search: Pick<PostgresSearch, 'platform' | 'env' | 'list'>,
): string[] {
  const { platform, env, list } = search;
  if (platform === 'win32') {
    return [env.PROGRAMFILES, env['PROGRAMFILES(X86)']]
      .filter((r): r is string => !!r)
      .flatMap((root) =>
        newestFirst(list(`${root}\\PostgreSQL`), /^(\d+)/).map(
          (v) => `${root}\\PostgreSQL\\${v}\\bin`,
        ),
      );
  }
  const debian = newestFirst(list('/usr/lib/postgresql'), /^(\d+)/).map(
    (v) => `/usr/lib/postgresql/${v}/bin`,
  );
  // PostgreSQL's own RPMs (Fedora, RHEL) install into /usr/pgsql-<version>.
  const rpm = newestFirst(list('/usr'), /^pgsql-(\d+)$/).map((n) => `/usr/${n}/bin`);
  const homebrew = ['/opt/homebrew', '/usr/local', '/home/linuxbrew/.linuxbrew'].flatMap(
    (prefix) => [
      ...newestFirst(list(`${prefix}/opt`), /^postgresql@(\d+)$/).map(
        (n) => `${prefix}/opt/${n}/bin`,
      ),
      `${prefix}/opt/postgresql/bin`,
    ],
  );
  return [
    ...debian,
    ...rpm,
    '/usr/local/pgsql/bin',
    ...homebrew,
    '/Applications/Postgres.app/Contents/Versions/latest/bin',
    '/usr/bin',
    '/usr/local/bin',
  ];
}

/** How to get PostgreSQL's server programs on this OS: one command where there is one. */
export function postgresInstallHint(
  platform: NodeJS.Platform,
  exists: (path: string) => boolean,
): string {
  switch (platform) {
    case 'darwin':
      return 'run `brew install postgresql@17` (or install Postgres.app)';
    case 'win32':
      return 'install PostgreSQL from https://www.postgresql.org/download/windows/';
    default:
      if (exists('/etc/debian_version')) return 'run `sudo apt-get install postgresql`';
      if (exists('/etc/fedora-release')) return 'run `sudo dnf install postgresql-server`';
      return "install your distribution's PostgreSQL server package";
  }
}

export function findPostgres(search: PostgresSearch): PostgresFound {
  const { env, platform, exists } = search;
  const complete = (dir: string) =>
    POSTGRES_PROGRAMS.every((p) => exists(postgresProgram(dir, p, platform)));
  const chosen = env.WAYMARK_PG_BIN;
  if (chosen) {
    // Set but wrong is a mistake to report, not a reason to quietly use another PostgreSQL.
    if (complete(chosen)) return { found: true, binDir: chosen, from: 'WAYMARK_PG_BIN' };
    return {
      found: false,
      message: `WAYMARK_PG_BIN is set to ${chosen}, but initdb, pg_ctl and postgres are not all there: point it at PostgreSQL's bin folder, or unset it.`,
    };
  }
  let reported: string | undefined;
  try {
    reported = search.pgConfigBindir()?.trim();
  } catch {
    reported = undefined;
  }
  // pg_config may come with the client library alone, without the server programs.
  if (reported && complete(reported)) return { found: true, binDir: reported, from: 'pg_config' };
  const system = systemPostgresDirs(search).find(complete);
  if (system) return { found: true, binDir: system, from: 'the system' };
  return {
    found: false,
    message: `These tests need PostgreSQL's server programs (initdb, pg_ctl, postgres) and found none: ${postgresInstallHint(platform, exists)}, or set WAYMARK_PG_BIN to the folder that holds them.`,
  };
}

export const findPostgresHere = (): PostgresFound =>
  findPostgres({
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    pgConfigBindir: () => {
      try {
        return execFileSync('pg_config', ['--bindir'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
      } catch {
        return undefined;
      }
    },
  });
