import type { WritePath } from '../write-path/write-path';
import { ParticipantService } from '../services/participants';
import { ReferralImportService } from '../services/referral-import';
import { DiaryService } from '../services/diary';

/** Every service over one unlocked caseload. */
export interface Services {
  wp: WritePath;
  participants: ParticipantService;
  imports: ReferralImportService;
  diary: DiaryService;
}

export function createServices(wp: WritePath): Services {
  const participants = new ParticipantService(wp);
  return {
    wp,
    participants,
    imports: new ReferralImportService(wp, participants),
    diary: new DiaryService(wp),
  };
}
