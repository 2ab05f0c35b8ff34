/**
 * The PostgreSQL finder with the machine faked: which bin folder wins, that a folder counts only
 * with all three server programs in it, and the one line a contributor reads when there is none.
 */
import { describe, expect, it } from 'vitest';
import { findPostgres, type PostgresSearch } from './find-postgres';

const SERVER = ['initdb', 'pg_ctl', 'postgres'];
const serverIn = (dir: string, ext = '', sep = '/') => SERVER.map((p) => `${dir}${sep}${p}${ext}`);

function machine(
  files: string[],
  overrides: Partial<Omit<PostgresSearch, 'exists' | 'list'>> = {},
): PostgresSearch {
  return {
    env: {},
    platform: 'linux',
    pgConfigBindir: () => undefined,
    ...overrides,
    exists: (p) => files.includes(p),
    // The folders that hold something, as the file list implies.
    list: (dir) => {
      const prefix =
        dir.endsWith('\\') || dir.endsWith('/') ? dir : dir + (dir.includes('\\') ? '\\' : '/');
      return [
        ...new Set(
          files
            .filter((f) => f.startsWith(prefix))
            .map((f) => f.slice(prefix.length).split(/[\\/]/)[0]!),
        ),
      ];
    },
  };
}

describe('finding PostgreSQL', () => {
  it('takes WAYMARK_PG_BIN first', () => {
    const found = findPostgres(
      machine([...serverIn('/opt/pg 17/bin'), ...serverIn('/usr/lib/postgresql/15/bin')], {
        env: { WAYMARK_PG_BIN: '/opt/pg 17/bin' },
        pgConfigBindir: () => '/usr/lib/postgresql/15/bin\n',
      }),
    );
    expect(found).toEqual({ found: true, binDir: '/opt/pg 17/bin', from: 'WAYMARK_PG_BIN' });
  });

  it('says so when WAYMARK_PG_BIN lacks a server program, rather than using another PostgreSQL', () => {
    const found = findPostgres(
      machine(
        ['/opt/pg/bin/initdb', '/opt/pg/bin/pg_ctl', ...serverIn('/usr/lib/postgresql/15/bin')],
        {
          env: { WAYMARK_PG_BIN: '/opt/pg/bin' },
        },
      ),
    );
    expect(found).toEqual({
      found: false,
      message:
        "WAYMARK_PG_BIN is set to /opt/pg/bin, but initdb, pg_ctl and postgres are not all there: point it at PostgreSQL's bin folder, or unset it.",
    });
  });

  it('takes what pg_config reports next, trimmed', () => {
    const found = findPostgres(
      machine(
        [...serverIn('/usr/lib/postgresql/16/bin'), ...serverIn('/usr/lib/postgresql/15/bin')],
        {
          pgConfigBindir: () => '/usr/lib/postgresql/15/bin\n',
        },
      ),
    );
    expect(found).toEqual({ found: true, binDir: '/usr/lib/postgresql/15/bin', from: 'pg_config' });
  });

  it('passes over a pg_config that came with the client library only, or fails', () => {
    const files = serverIn('/usr/lib/postgresql/15/bin');
    expect(findPostgres(machine(files, { pgConfigBindir: () => '/usr/bin' }))).toMatchObject({
      binDir: '/usr/lib/postgresql/15/bin',
      from: 'the system',
    });
    const broken = machine(files, {
      pgConfigBindir: () => {
        throw new Error('spawn pg_config ENOENT');
      },
    });
    expect(findPostgres(broken)).toMatchObject({ binDir: '/usr/lib/postgresql/15/bin' });
  });

  it("takes Debian's newest version by number, not by name", () => {
    const found = findPostgres(
      machine([
        ...serverIn('/usr/lib/postgresql/9.6/bin'),
        ...serverIn('/usr/lib/postgresql/16/bin'),
        ...serverIn('/usr/lib/postgresql/15/bin'),
      ]),
    );
    expect(found).toMatchObject({ binDir: '/usr/lib/postgresql/16/bin' });
  });

  it('skips a version folder without the server programs (only the client installed)', () => {
    const found = findPostgres(
      machine(['/usr/lib/postgresql/17/bin/psql', ...serverIn('/usr/lib/postgresql/15/bin')]),
    );
    expect(found).toMatchObject({ binDir: '/usr/lib/postgresql/15/bin' });
  });

  it.each([
    ['linux', '/usr/local/pgsql/bin'],
    ['linux', '/usr/pgsql-16/bin'],
    ['darwin', '/opt/homebrew/opt/postgresql@17/bin'],
    ['darwin', '/usr/local/opt/postgresql@16/bin'],
    ['darwin', '/Applications/Postgres.app/Contents/Versions/latest/bin'],
  ] as const)('on %s finds %s', (platform, dir) => {
    expect(findPostgres(machine(serverIn(dir), { platform }))).toEqual({
      found: true,
      binDir: dir,
      from: 'the system',
    });
  });

  it('on macOS takes the newest Homebrew PostgreSQL', () => {
    const found = findPostgres(
      machine(
        [
          ...serverIn('/opt/homebrew/opt/postgresql@14/bin'),
          ...serverIn('/opt/homebrew/opt/postgresql@17/bin'),
        ],
        {
          platform: 'darwin',
        },
      ),
    );
    expect(found).toMatchObject({ binDir: '/opt/homebrew/opt/postgresql@17/bin' });
  });

  it("on Windows finds the installer's newest version, with .exe programs", () => {
    const found = findPostgres(
      machine(
        [
          ...serverIn('C:\\Program Files\\PostgreSQL\\15\\bin', '.exe', '\\'),
          ...serverIn('C:\\Program Files\\PostgreSQL\\17\\bin', '.exe', '\\'),
        ],
        { platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' } },
      ),
    );
    expect(found).toEqual({
      found: true,
      binDir: 'C:\\Program Files\\PostgreSQL\\17\\bin',
      from: 'the system',
    });
  });
});

describe('the message when there is no PostgreSQL', () => {
  const none = (platform: NodeJS.Platform, files: string[] = []) =>
    findPostgres(machine(files, { platform }));
  const line = (hint: string) =>
    `These tests need PostgreSQL's server programs (initdb, pg_ctl, postgres) and found none: ${hint}, or set WAYMARK_PG_BIN to the folder that holds them.`;

  it.each([
    ['linux', ['/etc/debian_version'], 'run `sudo apt-get install postgresql`'],
    ['linux', ['/etc/fedora-release'], 'run `sudo dnf install postgresql-server`'],
    ['linux', [], "install your distribution's PostgreSQL server package"],
    ['darwin', [], 'run `brew install postgresql@17` (or install Postgres.app)'],
    ['win32', [], 'install PostgreSQL from https://www.postgresql.org/download/windows/'],
  ] as const)('on %s (%j) says: %s', (platform, files, hint) => {
    expect(none(platform, [...files])).toEqual({ found: false, message: line(hint) });
  });
});
