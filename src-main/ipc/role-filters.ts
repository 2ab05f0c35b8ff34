/**
 * What the router does for a role that may call a channel but may not see every class of data it
 * returns (src-shared/ipc/access.ts): a guard refuses the call before anything is read or
 * printed, and a filter removes the records the role may not see from the answer. The router
 * refuses such a role on any channel that has neither, so forgetting one here fails closed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { roleSees, type AdviserRole, type DataClass } from '@shared/ipc/access';
import type { Channel, ChannelOutput, ChannelParsed } from '@shared/ipc/contract';
import type { PlanContent, PlanView, SupportReferral } from '@shared/schemas/plan';
import type { TimelineEvent } from '@shared/schemas/participant';
import type { PlanVersionDetail } from '@shared/ipc/channels/plan';
import type { MeetingsOverview } from '@shared/schemas/meeting';
import { AppError } from '../errors';

export interface RoleContext {
  role: AdviserRole;
  /** The open caseload, for guards that must look at a stored record. */
  db: Kysely<Database>;
}

type Guard<C extends Channel> = (input: ChannelParsed<C>, ctx: RoleContext) => Promise<void>;
type Filter<C extends Channel> = (output: ChannelOutput<C>, role: AdviserRole) => ChannelOutput<C>;

export const forbidden = () =>
  new AppError('forbidden', 'Your role does not give access to this. Ask the adviser or manager.');

const sees = (role: AdviserRole, data: DataClass) => roleSees(role, data);

/** Drug-and-alcohol support is health data under UK GDPR art. 9. */
const healthReferral = (r: Pick<SupportReferral, 'service'>) => r.service === 'drug-and-alcohol';

function withoutHealthBarriers(content: PlanContent): PlanContent {
  return { ...content, barriers: content.barriers.filter((b) => !b.healthRelated) };
}

function timelineEventIsHealth(e: TimelineEvent): boolean {
  if (e.kind === 'health-need') return true;
  if (e.kind === 'in-person-exemption' && e.data.healthRelated === true) return true;
  return e.kind === 'support-referral' && e.data.service === 'drug-and-alcohol';
}

async function refuseStoredPpep(letterId: string, ctx: RoleContext): Promise<void> {
  if (sees(ctx.role, 'health')) return;
  const row = await ctx.db
    .selectFrom('letter_log')
    .select('kind')
    .where('id', '=', letterId)
    .executeTakeFirst();
  // An unknown letter is left for the handler to report as not found.
  if (row?.kind === 'ppep') throw forbidden();
}

export const guards: { [C in Channel]?: Guard<C> } = {
  'documents:issue': async (input, ctx) => {
    if (input.kind === 'ppep' && !sees(ctx.role, 'health')) throw forbidden();
  },
  'documents:reprint': ({ letterId }, ctx) => refuseStoredPpep(letterId, ctx),
  'desktop:document': ({ letterId }, ctx) => refuseStoredPpep(letterId, ctx),
};

export const filters: { [C in Channel]?: Filter<C> } = {
  // The exemption itself counts for R6 whoever looks; a health reason is the adviser's only.
  'exemption:list': (list, role) =>
    sees(role, 'health') ? list : list.map((e) => (e.healthRelated ? { ...e, reason: null } : e)),
  'participant:timeline': (events, role) =>
    sees(role, 'health') ? events : events.filter((e) => !timelineEventIsHealth(e)),
  'plan:get': (view: PlanView, role) =>
    sees(role, 'health')
      ? view
      : {
          ...view,
          draft: view.draft && {
            ...view.draft,
            content: withoutHealthBarriers(view.draft.content),
          },
          latest: view.latest && {
            ...view.latest,
            content: withoutHealthBarriers(view.latest.content),
          },
          referrals: view.referrals.filter((r) => !healthReferral(r)),
          healthDecisions: [],
        },
  'plan:version': (version: PlanVersionDetail, role) =>
    sees(role, 'health')
      ? version
      : {
          ...version,
          content: withoutHealthBarriers(version.content),
          // A change to a barrier could be a health one; the section is left out, not guessed at.
          changes: version.changes.filter((c) => c.section !== 'barriers'),
        },
  'meetings:overview': (overview: MeetingsOverview, role) =>
    sees(role, 'health')
      ? overview
      : {
          ...overview,
          meetings: overview.meetings.map((m) =>
            m.record?.notesSpecialCategory
              ? { ...m, record: { ...m.record, notes: null, notesHidden: true } }
              : m,
          ),
        },
};

/** Whether the router may serve `role` on `channel` at all, given what the channel returns. */
export function servable(channel: Channel, role: AdviserRole, returns: readonly DataClass[]) {
  if (returns.every((d) => sees(role, d))) return true;
  return channel in filters || channel in guards;
}
