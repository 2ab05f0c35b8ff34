/**
 * The central service's command line: `npm run -s central -- <command>` (contract:
 * central-cli.md). One JSON object on stdout; errors on stderr without participant data; exit
 * codes as the device CLI's (README), 6 when a running server holds the embedded store.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { AdminError } from '../errors';
import { openStore, StoreLockedError, type Store, type StoreTarget } from '../db/open';
import {
  addOffice,
  addProvider,
  addUser,
  allocate,
  initOrganisation,
  resetEpoch,
} from '../org/organisation';
import { createEnrolmentCode, listDevices, revokeDevice } from '../org/devices';
import { importReferrals } from '../org/referrals';
import { exportAdviser } from '../org/export';
import { serve } from '../server/serve';
import { reportOptions, runReport } from '../reports/performance';

/** Exit codes, as src-main/cli/io.ts documents them (plus 8 for the device's "unreachable"). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalidInput: 3,
  notFound: 5,
  refused: 6,
} as const;

class UsageError extends Error {}

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof StoreLockedError) return EXIT.refused;
  if (error instanceof AdminError)
    return error.code === 'invalid-input'
      ? EXIT.invalidInput
      : error.code === 'refused'
        ? EXIT.refused
        : EXIT.notFound;
  return EXIT.failure;
}

interface StoreOptions {
  data?: string;
  database?: string;
}

function targetOf(o: StoreOptions): StoreTarget {
  if (o.data && o.database) throw new UsageError('Give --data or --database, not both');
  if (o.data) return { data: o.data };
  const url = o.database ?? process.env.DATABASE_URL;
  if (url) return { database: url };
  throw new UsageError('Give --data DIR (embedded store) or --database URL (or set DATABASE_URL)');
}

const writeJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

async function withStore<T>(o: StoreOptions, work: (store: Store) => Promise<T>): Promise<void> {
  const store = await openStore(targetOf(o));
  try {
    writeJson(await work(store));
  } finally {
    await store.close();
  }
}

const storeOptions = (c: Command) =>
  c
    .option('--data <dir>', 'the embedded store folder (created on first use)')
    .option('--database <url>', 'a PostgreSQL connection URL (default: DATABASE_URL)');

const program = new Command()
  .name('central')
  .description('The Waymark central service')
  .exitOverride()
  .showHelpAfterError();

storeOptions(program.command('init'))
  .description('Create the store and its organisation')
  .option('--organisation <name>', 'the organisation (prime provider) name', 'Waymark provider')
  .action(async (o: StoreOptions & { organisation: string }) =>
    withStore(o, async ({ db }) => {
      const { id, name } = await initOrganisation(db, o.organisation);
      return { organisation: { id, name } };
    }),
  );

storeOptions(program.command('serve'))
  .description('Run the HTTP API until SIGTERM or SIGINT')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <n>', 'port (0 picks a free one)', '8470')
  .action(async (o: StoreOptions & { host: string; port: string }) => {
    const port = Number(o.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('--port must be 0-65535');
    await serve(targetOf(o), o.host, port);
  });

const office = program.command('office').description('Offices and outreach venues');
storeOptions(office.command('add'))
  .requiredOption('--name <name>')
  .requiredOption('--nation <nation>')
  .option('--provider <id>', 'the provider it belongs to (default: the prime)')
  .addOption(new Option('--kind <kind>').choices(['office', 'outreach']).default('office'))
  .action(
    async (
      o: StoreOptions & {
        name: string;
        nation: string;
        provider?: string;
        kind: 'office' | 'outreach';
      },
    ) =>
      withStore(o, ({ db }) =>
        addOffice(db, { name: o.name, nation: o.nation, providerId: o.provider, kind: o.kind }),
      ),
  );

const provider = program.command('provider').description('Subcontractors of the prime provider');
storeOptions(provider.command('add'))
  .requiredOption('--name <name>')
  .action(async (o: StoreOptions & { name: string }) =>
    withStore(o, ({ db }) => addProvider(db, o.name)),
  );

const adviser = program.command('adviser').description('Users: advisers, managers, reception');
storeOptions(adviser.command('add'))
  .requiredOption('--name <name>')
  .option('--office <id>')
  .option('--role <role>', 'adviser, manager or reception', 'adviser')
  .action(async (o: StoreOptions & { name: string; office?: string; role: string }) =>
    withStore(o, ({ db }) => addUser(db, { name: o.name, officeId: o.office, role: o.role })),
  );

storeOptions(program.command('enrol'))
  .description('A one-time enrolment code for one device of an adviser')
  .requiredOption('--adviser <id>')
  .action(async (o: StoreOptions & { adviser: string }) =>
    withStore(o, ({ db }) => createEnrolmentCode(db, o.adviser)),
  );

storeOptions(program.command('revoke'))
  .requiredOption('--device <id>')
  .action(async (o: StoreOptions & { device: string }) =>
    withStore(o, ({ db }) => revokeDevice(db, o.device)),
  );

storeOptions(program.command('import-referrals'))
  .argument('<csv>', 'the referral CSV file (README, "Referral CSV")')
  .requiredOption('--adviser <id>')
  .action(async (csv: string, o: StoreOptions & { adviser: string }) => {
    let content: string;
    try {
      content = readFileSync(csv, 'utf8');
    } catch {
      throw new AdminError('not-found', `Cannot read ${csv}`);
    }
    await withStore(o, ({ db }) => importReferrals(db, content, o.adviser));
  });

storeOptions(program.command('export'))
  .requiredOption('--adviser <id>')
  .action(async (o: StoreOptions & { adviser: string }) =>
    withStore(o, ({ db }) => exportAdviser(db, o.adviser)),
  );

storeOptions(program.command('devices')).action(async (o: StoreOptions) =>
  withStore(o, ({ db }) => listDevices(db)),
);

storeOptions(program.command('allocate'))
  .description('Make an adviser the owner (or a cover adviser) of a participant')
  .requiredOption('--participant <id>')
  .requiredOption('--adviser <id>')
  .addOption(new Option('--role <role>').choices(['owner', 'cover']).default('owner'))
  .option('--end', 'end this cover allocation')
  .action(
    async (
      o: StoreOptions & {
        participant: string;
        adviser: string;
        role: 'owner' | 'cover';
        end?: boolean;
      },
    ) =>
      withStore(o, ({ db }) =>
        allocate(db, {
          participantId: o.participant,
          adviserId: o.adviser,
          role: o.role,
          end: o.end,
        }),
      ),
  );

storeOptions(program.command('report'))
  .description('The charter performance report (report-format.md) over the whole organisation')
  .requiredOption('--from <date>', 'first day of the period (YYYY-MM-DD)')
  .requiredOption('--to <date>', 'last day of the period (YYYY-MM-DD), inclusive')
  .option('--today <date>', 'the day to compute for (YYYY-MM-DD; default today in London)')
  .option('--by <grouping>', 'one row per adviser, office, provider or subcontractor')
  .option('--anonymised', 'the benchmarking export: no adviser names, small numbers suppressed')
  .option('--min-cell <k>', 'the small-number threshold K for --anonymised (default 10)')
  .action(
    async (
      o: StoreOptions & {
        from: string;
        to: string;
        today?: string;
        by?: string;
        anonymised?: boolean;
        minCell?: string;
      },
    ) => {
      if (o.minCell !== undefined && !o.anonymised)
        throw new UsageError('--min-cell needs --anonymised');
      const options = reportOptions(o);
      await withStore(o, ({ db }) => runReport(db, options));
    },
  );

storeOptions(program.command('reset-epoch'))
  .description('After restoring the database from a backup: makes every device re-push and re-pull')
  .action(async (o: StoreOptions) => withStore(o, ({ db }) => resetEpoch(db)));

/** Exits once stdout has drained: process.exit alone cuts off large output written to a pipe. */
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

program.parseAsync(process.argv).then(
  () => {
    // `serve` keeps running until a signal; everything else is done.
    if (process.argv[2] !== 'serve') exit(EXIT.ok);
  },
  (error: unknown) => {
    if (error instanceof CommanderError) return exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
    const message =
      error instanceof AdminError ||
      error instanceof StoreLockedError ||
      error instanceof UsageError
        ? error.message
        : error instanceof Error &&
            'code' in error &&
            typeof error.code === 'string' &&
            /^(ECONNREFUSED|28|3D)/.test(error.code)
          ? `Cannot use the database (${error.code})`
          : 'The command failed';
    process.stderr.write(`central: ${message}\n`);
    exit(exitCodeFor(error));
  },
);
