/**
 * The main-process IPC router: pure, no electron import. The Electron shell and the browser test
 * harness both hand it (channel, input, sender origin) and get a Result back.
 */
import { z } from 'zod';
import {
  contract,
  type Channel,
  type ChannelOutput,
  type ChannelParsed,
} from '@shared/ipc/contract';
import type { Result } from '@shared/ipc/result';
import { accessFor, type AdviserRole } from '@shared/ipc/access';
import { AppError } from '../errors';
import { filters, forbidden, guards, servable, type RoleContext } from './role-filters';

export interface CallContext {
  channel: Channel;
  /** The signed-in user's role; null while locked (every data channel then answers 'locked'). */
  role: AdviserRole | null;
}

export type Handlers = {
  [C in Channel]: (
    input: ChannelParsed<C>,
    ctx: CallContext,
  ) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export interface RouterOptions {
  /** Origins allowed to call: the app's own, never a navigated-to page. */
  trustedOrigins: readonly string[];
  /** Told of unexpected failures; receives no input and no personal data. */
  onInternalError?: (channel: string, error: unknown) => void;
  /** The signed-in user's role (from their record in the caseload) and the open caseload. */
  signedIn?: () => RoleContext | null;
}

export type Router = (
  channel: string,
  input: unknown,
  senderOrigin: string,
) => Promise<Result<unknown>>;

const isChannel = (name: string): name is Channel =>
  Object.prototype.hasOwnProperty.call(contract, name);

export function zodToIpc(error: z.ZodError): AppError {
  const first = error.issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : undefined;
  return new AppError('invalid-input', first?.message ?? 'The input is not valid', field);
}

export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  return async (channel, input, senderOrigin) => {
    if (!options.trustedOrigins.includes(senderOrigin)) {
      return {
        ok: false,
        error: { code: 'forbidden-sender', message: 'This window may not call Waymark' },
      };
    }
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: {
          code: 'unknown-channel',
          message: `There is no channel called ${String(channel).slice(0, 60)}`,
        },
      };
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: zodToIpc(parsed.error).toIpc() };
    try {
      const who = options.signedIn?.() ?? null;
      if (who) await authorise(channel, parsed.data, who);
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      let value = await handler(parsed.data, { channel, role: who?.role ?? null });
      const filter = filters[channel] as ((v: unknown, r: AdviserRole) => unknown) | undefined;
      if (who && filter) value = filter(value, who.role);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toIpc() };
      if (error instanceof z.ZodError) return { ok: false, error: zodToIpc(error).toIpc() };
      options.onInternalError?.(channel, error);
      return {
        ok: false,
        error: { code: 'internal', message: 'Something went wrong. Nothing was saved. Try again.' },
      };
    }
  };
}

/** The channel's declared roles, then any per-record guard; nothing is read before this passes. */
async function authorise(channel: Channel, input: unknown, who: RoleContext): Promise<void> {
  const access = accessFor(channel);
  if (!access.roles.includes(who.role) || !servable(channel, who.role, access.returns))
    throw forbidden();
  const guard = guards[channel] as ((i: unknown, c: RoleContext) => Promise<void>) | undefined;
  await guard?.(input, who);
}
