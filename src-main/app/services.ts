import type { WritePath } from '../write-path/write-path';
import { ParticipantService } from '../services/caseload/participants';
import { ReferralImportService } from '../services/caseload/referral-import';
import { DiaryService } from '../services/diary/diary';
import { DiarySettingsService } from '../services/diary/diary-settings';
import { DiarySlotService } from '../services/diary/diary-slots';
import { DocumentService } from '../services/documents/documents';
import { BetterOffService } from '../services/better-off/better-off';
import { PlanService } from '../services/plans-meetings/plans';
import { MeetingService } from '../services/plans-meetings/meetings';
import { ContactService } from '../services/caseload/contacts';
import { TravelClaimService } from '../services/caseload/travel-claims';
import { LifeEventService } from '../services/caseload/life-events';
import { ProfileService } from '../services/obligations/charter-profiles';
import { ObligationService } from '../services/obligations/obligations';
import { SyncService } from '../sync/service';

/** Every service over one unlocked caseload. */
export interface Services {
  wp: WritePath;
  participants: ParticipantService;
  imports: ReferralImportService;
  diary: DiaryService;
  diarySettings: DiarySettingsService;
  diarySlots: DiarySlotService;
  documents: DocumentService;
  betterOff: BetterOffService;
  plans: PlanService;
  meetings: MeetingService;
  contacts: ContactService;
  travelClaims: TravelClaimService;
  lifeEvents: LifeEventService;
  profiles: ProfileService;
  obligations: ObligationService;
  sync: SyncService;
}

export function createServices(wp: WritePath): Services {
  const participants = new ParticipantService(wp);
  return {
    wp,
    participants,
    imports: new ReferralImportService(wp, participants),
    diary: new DiaryService(wp, participants),
    diarySettings: new DiarySettingsService(wp),
    diarySlots: new DiarySlotService(wp),
    documents: new DocumentService(wp),
    betterOff: new BetterOffService(wp),
    plans: new PlanService(wp),
    meetings: new MeetingService(wp, new DiaryService(wp, participants), participants),
    contacts: new ContactService(wp, participants),
    travelClaims: new TravelClaimService(wp),
    lifeEvents: new LifeEventService(wp, participants),
    ...withObligations(wp),
    sync: new SyncService(wp),
  };
}

/** Obligations read the profiles in force, so the two share one profile service. */
function withObligations(wp: WritePath): Pick<Services, 'profiles' | 'obligations'> {
  const profiles = new ProfileService(wp);
  return { profiles, obligations: new ObligationService(wp, profiles) };
}
