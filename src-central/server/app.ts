/** The central HTTP API: Fastify with every request and response validated by the shared schemas. */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SYNC_PATHS,
  enrolRequestSchema,
  enrolResponseSchema,
  errorBodySchema,
  pullRequestSchema,
  pushRequestSchema,
  pushResponseSchema,
  stateResponseSchema,
  type ErrorBody,
} from '@shared/sync/protocol';
import type { Store } from '../db/open';
import { SyncError } from '../errors';
import { authenticate, enrolDevice } from '../org/devices';
import { push } from '../sync/push';
import { erasureApplied, scheduleVacuumAfterErasure, vacuumsSettled } from '../sync/erasure';
import { pull, syncState } from '../sync/pull';
import { registerReportRoutes } from '../reports/http';

export interface AppOptions {
  store: Store;
  /** Injected clock for tests of clock skew and code expiry. */
  now?: () => Date;
}

/** PostgreSQL errors worth a retry: serialisation, deadlock, shutdown, connection loss. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return (
    code === '40001' ||
    code === '40P01' ||
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code === '53300' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET'
  );
}

function send(reply: FastifyReply, status: number, body: ErrorBody, retryAfter?: number) {
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  return reply.status(status).send(body);
}

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  409: errorBodySchema,
  410: errorBodySchema,
  503: errorBodySchema,
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options.store;
  const now = options.now ?? (() => new Date());
  // No request logging: bodies carry participant data.
  const app = Fastify({
    logger: false,
    bodyLimit: 8 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof SyncError)
      return send(
        reply,
        error.status,
        { code: error.code, message: error.message, ...error.extra },
        error.retryAfterSeconds,
      );
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = first?.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined;
      return send(reply, 400, {
        code: 'invalid_request',
        message: 'The request is not in the sync protocol’s form',
        ...(field ? { field } : {}),
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return send(reply, status === 413 ? 400 : status, {
        code: 'invalid_request',
        message: 'The request could not be read',
      });
    if (isTransient(error))
      return send(
        reply,
        503,
        { code: 'unavailable', message: 'The server is busy: try again shortly' },
        1,
      );
    // Never echo the error: it may quote participant data from a failed statement.
    console.error(`central: request failed (${(error as { code?: string }).code ?? 'error'})`);
    return send(reply, 500, {
      code: 'internal',
      message: 'The server could not complete the request',
    });
  });
  app.setNotFoundHandler((_request, reply) =>
    send(reply, 404, { code: 'not_found', message: 'No such endpoint' }),
  );

  app.get(
    SYNC_PATHS.health,
    { schema: { response: { 200: z.object({ ok: z.literal(true), store: z.string() }) } } },
    async () => ({ ok: true as const, store: options.store.kind }),
  );

  app.post(
    SYNC_PATHS.enrol,
    { schema: { body: enrolRequestSchema, response: { 200: enrolResponseSchema, ...errors } } },
    async (request) => enrolDevice(db, request.body, now()),
  );

  app.post(
    SYNC_PATHS.push,
    { schema: { body: pushRequestSchema, response: { 200: pushResponseSchema, ...errors } } },
    async (request) => {
      const device = await authenticate(db, request.headers.authorization);
      const reply = await push(db, device, request.body, now());
      // After the push has committed: an erasure's old row versions go from the data files
      // (sync/erasure.ts). The erasure stands if this fails; the failure is logged (a code, no
      // data) and the next erasure's vacuum, or an operator's, removes them.
      if (erasureApplied(request.body, reply))
        scheduleVacuumAfterErasure(db, (error: unknown) =>
          app.log.warn(
            { code: (error as { code?: unknown }).code },
            'VACUUM FULL after an erasure failed; old row versions may remain in the data files',
          ),
        );
      return reply;
    },
  );

  // The page arrives as JSON text built by the database (sync/pull.ts): sent as it is, not parsed,
  // re-validated and serialised again. The request is validated; the device validates the page.
  app.post(
    SYNC_PATHS.pull,
    { schema: { body: pullRequestSchema, response: errors } },
    async (request, reply) => {
      const device = await authenticate(db, request.headers.authorization);
      const page = await pull(db, device, request.body, now());
      await db
        .updateTable('devices')
        .set({ last_seen_at: now().toISOString() })
        .where('id', '=', device.id)
        .execute();
      // Untyped reply: the typed one only takes the declared error bodies.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(page);
    },
  );

  app.get(
    SYNC_PATHS.state,
    { schema: { response: { 200: stateResponseSchema, ...errors } } },
    async (request) => {
      const device = await authenticate(db, request.headers.authorization);
      return syncState(db, device, now());
    },
  );

  registerReportRoutes(app, db, now);

  await app.ready();
  // A vacuum after an erasure finishes before the store is closed under it.
  app.addHook('onClose', async () => {
    await vacuumsSettled(db);
  });
  return app;
}
