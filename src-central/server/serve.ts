/** `central serve`: open the store, listen, and stop cleanly on SIGTERM/SIGINT. */
import { openStore, type StoreTarget } from '../db/open';
import { buildApp } from './app';
import { keepReportFactsCurrent } from '../reports/facts-keeper';

export async function serve(target: StoreTarget, host: string, port: number): Promise<void> {
  const store = await openStore(target);
  const app = await buildApp({ store });
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  process.stdout.write(`${JSON.stringify({ listening: `http://${shownHost}:${actualPort}` })}\n`);
  // The organisation report counts stored facts; keep them current in the background. Only the
  // error's code is printed: a database message can quote a value.
  const facts = keepReportFactsCurrent(store.db, {
    onError: (error) => {
      const code = String((error as { code?: unknown }).code ?? 'unknown');
      process.stderr.write(`${JSON.stringify({ warning: 'report facts refresh failed', code })}\n`);
    },
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // close() stops accepting, lets requests in flight finish, then the store is released.
    void facts
      .stop()
      .then(() => app.close())
      .then(() => store.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
