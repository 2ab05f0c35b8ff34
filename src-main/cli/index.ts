/**
 * Waymark's command line: `npm run -s cli -- <command>`. The same services as the app; errors
 * go to stderr without participant data, and the exit code says what went wrong (io.ts).
 */
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';
import { EXIT, exitCodeFor } from './io';

const program = new Command()
  .name('waymark')
  .description('Waymark administration and scripting')
  .exitOverride()
  .showHelpAfterError();
registerCommands(program);

/** Exits once stdout has drained: process.exit alone cuts off large output written to a pipe. */
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

program.parseAsync(process.argv).then(
  () => exit(EXIT.ok),
  (error: unknown) => {
    if (error instanceof CommanderError) return exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
    process.stderr.write(`waymark: ${error instanceof Error ? error.message : 'failed'}\n`);
    exit(exitCodeFor(error));
  },
);
