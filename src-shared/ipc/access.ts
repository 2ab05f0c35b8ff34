/**
 * Who may call each IPC channel and which classes of personal data it returns. The router
 * refuses a role a channel does not list, and refuses a role that may not see one of the classes
 * a channel returns unless the main process has a filter for that channel which removes them
 * (src-main/ipc/role-filters.ts). A channel missing here is treated as the most sensitive kind:
 * adviser only; test/ipc/access.test.ts fails until it is declared.
 *
 * Roles come from the signed-in user's record in the caseload, never from a setting the user can
 * change. While one passphrase opens the whole caseload, a role protects against what a user can
 * reach through the app (every screen, every IPC call), not against someone who opens the
 * database file with the passphrase and their own tools: per-user keys close that (README,
 * "Security model").
 */
import { ADVISER_ROLES, type AdviserRole } from '../schemas/meeting';

export { ADVISER_ROLES, type AdviserRole };

/**
 * ordinary: identity, contact, diary, letters other than the plan. health: special-category
 * health data (UK GDPR art. 9: health-related barriers, occupational-health decisions,
 * drug-and-alcohol referrals, the plan that holds them). criminal-offence: art. 10 data.
 * safeguarding: concerns about risk of harm.
 */
export const DATA_CLASSES = ['ordinary', 'health', 'criminal-offence', 'safeguarding'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/**
 * What each role may see. The adviser works with the participant and sees everything; a manager
 * sees performance and safeguarding escalations, not health details (as meeting notes already
 * were); reception books rooms and takes referrals and sees ordinary data only.
 */
export const ROLE_SEES: Readonly<Record<AdviserRole, readonly DataClass[]>> = {
  adviser: DATA_CLASSES,
  manager: ['ordinary', 'safeguarding'],
  reception: ['ordinary'],
};

export const roleSees = (role: AdviserRole, data: DataClass): boolean =>
  ROLE_SEES[role].includes(data);

export interface ChannelAccess {
  roles: readonly AdviserRole[];
  returns: readonly DataClass[];
}

const ALL: readonly AdviserRole[] = ADVISER_ROLES;
const STAFF: readonly AdviserRole[] = ['adviser', 'manager'];
const ADVISER: readonly AdviserRole[] = ['adviser'];
const MANAGER: readonly AdviserRole[] = ['manager'];
const ordinary = (roles: readonly AdviserRole[]): ChannelAccess => ({
  roles,
  returns: ['ordinary'],
});
const withHealth = (roles: readonly AdviserRole[]): ChannelAccess => ({
  roles,
  returns: ['ordinary', 'health'],
});

/** Used for a channel nobody declared: only the role that may see everything. */
export const UNDECLARED_ACCESS: ChannelAccess = { roles: ADVISER, returns: DATA_CLASSES };

export const channelAccess = {
  'session:status': ordinary(ALL),
  'session:setup': ordinary(ALL),
  'session:unlock': ordinary(ALL),
  'session:lock': ordinary(ALL),
  'session:activity': ordinary(ALL),
  'session:changePassphrase': ordinary(ALL),
  'session:setAutoLock': ordinary(ALL),

  // Reception takes referrals and looks people up to book them in.
  'caseload:list': ordinary(ALL),
  'participant:create': ordinary(ALL),
  'participant:get': ordinary(ALL),
  'participant:update': ordinary(STAFF),
  'participant:setStatus': ordinary(STAFF),
  // Health-need and drug-and-alcohol events are filtered out for roles that may not see them.
  'participant:timeline': withHealth(ALL),

  'import:start': ordinary(ALL),
  'import:progress': ordinary(ALL),
  'import:cancel': ordinary(ALL),
  'import:errorReport': ordinary(ALL),
  'import:errors': ordinary(ALL),

  // Induction letters are ordinary; the PPEP holds health barriers (guarded per call).
  'documents:preview': ordinary(ALL),
  'documents:offers': ordinary(ALL),
  'documents:issue': withHealth(ALL),
  'documents:reprint': withHealth(ALL),
  'documents:log': ordinary(ALL),
  'documents:batchStart': ordinary(ALL),
  'documents:batchProgress': ordinary(ALL),
  'documents:batchCancel': ordinary(ALL),
  'documents:batchFile': ordinary(ALL),
  'documents:templates': ordinary(STAFF),
  'documents:templateSave': ordinary(STAFF),
  'documents:due': ordinary(ALL),
  'desktop:document': withHealth(ALL),
  'desktop:batchFile': ordinary(ALL),

  'betterOff:calculate': ordinary(ALL),
  'betterOff:prefill': ordinary(STAFF),
  'betterOff:save': ordinary(STAFF),
  'betterOff:list': ordinary(STAFF),
  'betterOff:get': ordinary(STAFF),

  'obligations:forParticipant': ordinary(STAFF),
  'agenda:day': ordinary(ALL),
  'agenda:week': ordinary(ALL),
  'profiles:list': ordinary(STAFF),
  'profiles:get': ordinary(STAFF),
  'profiles:saveCopy': ordinary(MANAGER),

  // The plan holds health-related barriers, health decisions and drug-and-alcohol referrals:
  // a manager gets them filtered out, reception never reaches the plan.
  'plan:get': withHealth(STAFF),
  'plan:saveDraft': withHealth(ADVISER),
  'plan:startReview': withHealth(ADVISER),
  'plan:discardDraft': ordinary(ADVISER),
  'plan:agree': withHealth(ADVISER),
  'plan:version': withHealth(STAFF),
  'plan:saveReferral': withHealth(ADVISER),
  'plan:healthDecision': withHealth(ADVISER),

  // Special-category meeting notes are already withheld by role in the meeting service.
  'meetings:overview': withHealth(ALL),
  'meetings:log': withHealth(ADVISER),
  'meetings:decide': ordinary(STAFF),
  'meetings:contact': ordinary(ALL),
  'meetings:claimTravel': ordinary(STAFF),
  'meetings:claimStatus': ordinary(STAFF),
  'meetings:lifeEvent': ordinary(STAFF),

  'diary:offices': ordinary(ALL),
  'diary:saveOffice': ordinary(ALL),
  'diary:rooms': ordinary(ALL),
  'diary:saveRoom': ordinary(ALL),
  'diary:patterns': ordinary(ALL),
  'diary:savePattern': ordinary(STAFF),
  'diary:leave': ordinary(ALL),
  'diary:addLeave': ordinary(STAFF),
  'diary:removeLeave': ordinary(STAFF),
  'diary:constraints': ordinary(ALL),
  'diary:saveConstraints': ordinary(ALL),
  'diary:findSlots': ordinary(ALL),
  'diary:proposePlan': ordinary(ALL),
  'diary:acceptPlan': ordinary(ALL),
  'diary:book': ordinary(ALL),
  'diary:move': ordinary(ALL),
  'diary:appointments': ordinary(ALL),
  'diary:exportIcs': ordinary(ALL),

  // Closing a venue moves booked people elsewhere: advisers and managers, not the front desk.
  'diary:closeOffice': ordinary(STAFF),
  // Paper for the day and for an outreach venue: whoever may see the diary may print it.
  'diary:daySheetPdf': ordinary(ALL),
  'diary:runSheetPdf': ordinary(ALL),

  // Charter performance: figures and the participants behind them (names, rule, dates; no
  // health detail), for the adviser's own caseload and for a manager.
  'reports:performance': ordinary(STAFF),
  'reports:behind': ordinary(STAFF),
  'reports:monthlyPdf': ordinary(STAFF),

  // Every user's device syncs; identity conflicts are decided by those who may edit identity.
  'sync:status': ordinary(ALL),
  'sync:now': ordinary(ALL),
  'sync:enrol': ordinary(ALL),
  'sync:conflicts': ordinary(STAFF),
  'sync:resolve': ordinary(STAFF),
  // Discarding refused changes is the adviser's decision about their own work (or a manager's).
  'sync:discard-refused': ordinary(STAFF),
  // A participant's sync state names no personal data; whoever may open the participant sees it.
  'sync:participant': ordinary(ALL),
  'sync:caseload': ordinary(ALL),

  // The audit log holds ids and action names, never participant values: for managers.
  'audit:list': ordinary(MANAGER),
  'audit:exportCsv': ordinary(MANAGER),
  'audit:verify': ordinary(MANAGER),

  // Complaints are visible only to the role that handles them; what they hold is ordinary data.
  'complaints:list': ordinary(MANAGER),
  'complaints:overdue': ordinary(MANAGER),
  'complaints:get': ordinary(MANAGER),
  'complaints:record': ordinary(MANAGER),
  'complaints:acknowledge': ordinary(MANAGER),
  'complaints:respond': ordinary(MANAGER),
  'complaints:escalate': ordinary(MANAGER),
  'complaints:close': ordinary(MANAGER),
  'complaints:letter': ordinary(MANAGER),
  // Says only whether the caller may handle complaints, so every role may ask.
  'complaints:canHandle': ordinary(ALL),
  // "You told us, we did" links to complaints, so it is for the same role.
  'youToldUs:list': ordinary(MANAGER),
  'youToldUs:get': ordinary(MANAGER),
  'youToldUs:save': ordinary(MANAGER),
  'youToldUs:poster': ordinary(MANAGER),

  // Surveys: offered and typed in by those who meet participants; results carry no names. In the
  // locked mode the participant holds the laptop, and the session (not the role) limits what runs.
  'surveys:definitions': ordinary(STAFF),
  'surveys:toOffer': ordinary(STAFF),
  'surveys:decline': ordinary(STAFF),
  'surveys:startLocked': ordinary(STAFF),
  'surveys:current': ordinary(STAFF),
  'surveys:submit': ordinary(STAFF),
  'surveys:leave': ordinary(STAFF),
  'surveys:recordPaper': ordinary(STAFF),
  'surveys:results': ordinary(STAFF),

  // The organisation's figures from the central service (which also checks the role).
  'organisation:performance': ordinary(MANAGER),

  // Status corrections, the R6 exemption and the R13 exit review. An exemption's reason may be
  // about health: the role filter blanks a health reason for a role that may not see it.
  'status:correct': ordinary(STAFF),
  'exemption:list': withHealth(STAFF),
  'exemption:record': withHealth(ADVISER),
  'exitReview:list': ordinary(STAFF),
  'exitReview:record': ordinary(STAFF),
  'exitReview:handBack': ordinary(STAFF),

  // Every user's device caseload needs a backup and a way back in. A backup answers file names
  // only; the file is the caseload still encrypted under its own key, which the user could copy
  // anyway, so it protects against loss and exposes nothing a role hides.
  'backup:status': ordinary(ALL),
  'backup:configure': ordinary(ALL),
  'backup:now': ordinary(ALL),
  'backup:restore': ordinary(ALL),
  'recovery:unlock': ordinary(ALL),
  'recovery:replace': ordinary(ALL),

  // The bundle is everything held about the person, health and all: the adviser, who may see
  // every class. The deadline is a date sum.
  'subjectAccess:export': { roles: ADVISER, returns: DATA_CLASSES },
  'subjectAccess:deadline': ordinary(ALL),

  // Retention and erasure change or remove whole records: the manager decides, with a reason.
  'retention:list': ordinary(MANAGER),
  'retention:holds': ordinary(MANAGER),
  'retention:participant': ordinary(MANAGER),
  'retention:placeHold': ordinary(MANAGER),
  'retention:liftHold': ordinary(MANAGER),
  'retention:apply': ordinary(MANAGER),
  'retention:eraseOnRequest': ordinary(MANAGER),
} satisfies Record<string, ChannelAccess>;

export function accessFor(channel: string): ChannelAccess {
  return Object.prototype.hasOwnProperty.call(channelAccess, channel)
    ? channelAccess[channel as keyof typeof channelAccess]
    : UNDECLARED_ACCESS;
}
