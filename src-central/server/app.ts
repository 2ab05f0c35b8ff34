/** The central HTTP API: Fastify with every request and response validated by the shared schemas. */
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SYNC_PATHS } from '@shared/sync/protocol';
import type { Store } from '../db/open';

export interface AppOptions {
  store: Store;
  /** Injected clock for tests of clock skew and code expiry. */
  now?: () => Date;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // No request logging: bodies carry participant data.
  const app = Fastify({
    logger: false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.get(
    SYNC_PATHS.health,
    { schema: { response: { 200: z.object({ ok: z.literal(true), store: z.string() }) } } },
    async () => ({ ok: true as const, store: options.store.kind }),
  );
  await app.ready();
  return app;
}
