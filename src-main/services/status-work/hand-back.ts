/**
 * The hand-back summary for Jobcentre Plus (R13), built from the recorded exit review and the
 * participant's record and rendered through the one PDF renderer. Nothing is stored: printing
 * again rebuilds the same document from the same records.
 */
import { createPdfRenderer } from '../../pdf/render';
import { buildHandBackSummary } from '../../pdf/documents/hand-back-summary';
import type { WritePath } from '../../write-path/write-path';
import { notFound } from '../../errors';
import { formatNiNumber } from '@shared/domain/identity/ni-number';
import { EXIT_REVIEW_OUTCOME_LABELS, PROGRAMME_LABELS } from '@shared/wording/labels';
import type { Programme } from '@shared/schemas/participant';
import type { StatusWorkService } from './status-work';
import { safePdfName, type Desktop } from '../../app/desktop';
import { providerOfficeName } from '../../db/repositories/diary';
import { findParticipant, programmeStartDate } from '../../db/repositories/participants';
import { deliverPdf } from '../documents/pdf-delivery';
import type { DesktopOutcome } from '@shared/ipc/channels/desktop';
import type { ChannelParsed } from '@shared/ipc/contract';

export async function handBackPdf(
  wp: WritePath,
  service: StatusWorkService,
  participantId: string,
  reviewId: string,
): Promise<Buffer> {
  const review = await service.exitReview(participantId, reviewId);
  const p = await findParticipant(wp.db, participantId);
  if (!p) throw notFound('That participant');
  const startedOn = await programmeStartDate(wp.db, participantId);
  return createPdfRenderer().render(
    buildHandBackSummary({
      issuedAt: wp.now().toISOString(),
      // The office names the provider, as on the induction letter.
      providerName: (await providerOfficeName(wp.db)) ?? 'Your employment support provider',
      adviserName: review.recordedBy,
      participant: {
        name: `${p.given_name} ${p.family_name}`,
        niNumber: formatNiNumber(p.ni_number),
        referralId: p.referral_id,
        jobcentreOffice: p.jobcentre_office,
        programme: PROGRAMME_LABELS[p.programme as Programme],
        referralDate: p.referral_date,
        startDate: startedOn,
      },
      review: {
        date: review.date,
        outcome: EXIT_REVIEW_OUTCOME_LABELS[review.outcome],
        destination: review.destination,
        summary: review.summary,
      },
    }),
  );
}

/** Builds the summary and prints, opens or saves it. */
export async function deliverHandBack(
  wp: WritePath,
  service: StatusWorkService,
  desktop: Desktop,
  { participantId, reviewId, action }: ChannelParsed<'exitReview:handBack'>,
): Promise<DesktopOutcome> {
  const bytes = await handBackPdf(wp, service, participantId, reviewId);
  return deliverPdf(desktop, action, {
    bytes,
    // The file name carries no personal data (it may be saved anywhere).
    fileName: safePdfName(`Hand-back summary ${reviewId.slice(0, 8)}`),
    title: 'Hand-back summary for Jobcentre Plus',
  });
}
