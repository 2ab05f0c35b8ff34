import type { WritePath } from '../write-path/write-path';
import { ParticipantService } from '../services/participants';
import { ReferralImportService } from '../services/referral-import';

/** Every service over one unlocked caseload. */
export interface Services {
  wp: WritePath;
  participants: ParticipantService;
  imports: ReferralImportService;
}

export function createServices(wp: WritePath): Services {
  const participants = new ParticipantService(wp);
  return { wp, participants, imports: new ReferralImportService(wp, participants) };
}
