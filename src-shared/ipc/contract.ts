/**
 * The one list of IPC channels. The preload API, the main-process handler map and the browser
 * test harness are all derived from it, so a channel exists everywhere or nowhere.
 */
import type { z } from 'zod';
import type { ChannelSpec } from './define';
import type { Result } from './result';
import { sessionChannels } from './channels/session';
import { caseloadChannels } from './channels/caseload';
import { participantChannels } from './channels/participant';
import { importChannels } from './channels/import';
import { documentChannels } from './channels/documents';
import { betterOffChannels } from './channels/better-off';
import { obligationChannels } from './channels/obligations';
import { agendaChannels } from './channels/agenda';
import { profileChannels } from './channels/profiles';
import { planChannels } from './channels/plan';
import { meetingChannels } from './channels/meetings';
import { diaryChannels } from './channels/diary';
import { desktopChannels } from './channels/desktop';
import { syncChannels } from './channels/sync';
import { reportChannels } from './channels/reports';
import { auditChannels } from './channels/audit';
import { complaintChannels } from './channels/complaints';
import { youToldUsChannels } from './channels/you-told-us';
import { surveyChannels } from './channels/surveys';
import { centralReportChannels } from './channels/organisation';
import { statusChannels } from './channels/status';
import { exemptionChannels } from './channels/exemption';
import { exitReviewChannels } from './channels/exit-review';
import { backupChannels } from './channels/backup';
import { recoveryChannels } from './channels/recovery';
import { subjectAccessChannels } from './channels/subject-access';
import { retentionChannels } from './channels/retention';

export const contract = {
  ...sessionChannels,
  ...caseloadChannels,
  ...participantChannels,
  ...importChannels,
  ...documentChannels,
  ...betterOffChannels,
  ...obligationChannels,
  ...agendaChannels,
  ...profileChannels,
  ...planChannels,
  ...meetingChannels,
  ...diaryChannels,
  ...desktopChannels,
  ...syncChannels,
  ...reportChannels,
  ...auditChannels,
  ...complaintChannels,
  ...youToldUsChannels,
  ...surveyChannels,
  ...centralReportChannels,
  ...statusChannels,
  ...exemptionChannels,
  ...exitReviewChannels,
  ...backupChannels,
  ...recoveryChannels,
  ...subjectAccessChannels,
  ...retentionChannels,
} satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const CHANNELS = Object.keys(contract) as Channel[];

/** `window.waymark`: one async function per channel, named after it. */
export type WaymarkApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

// Compile-time check that channel-names.ts lists exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<Channel, import('./channel-names').ChannelName> = true;
void namesMatch;
