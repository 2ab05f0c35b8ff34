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

export async function handBackPdf(
  wp: WritePath,
  service: StatusWorkService,
  participantId: string,
  reviewId: string,
): Promise<Buffer> {
  const review = await service.exitReview(participantId, reviewId);
  const p = await wp.db
    .selectFrom('participants')
    .select([
      'given_name',
      'family_name',
      'ni_number',
      'referral_id',
      'jobcentre_office',
      'programme',
      'referral_date',
    ])
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!p) throw notFound('That participant');
  // The start on the programme is the first move to 'started' (status events carry it).
  const started = await wp.db
    .selectFrom('participant_events')
    .select('date')
    .where('participant_id', '=', participantId)
    .where('kind', '=', 'status')
    .where('data', 'like', '%"to":"started"%')
    .orderBy('date')
    .limit(1)
    .executeTakeFirst();
  // The office names the provider, as on the induction letter.
  const office = await wp.db
    .selectFrom('offices')
    .select('name')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  return createPdfRenderer().render(
    buildHandBackSummary({
      issuedAt: wp.now().toISOString(),
      providerName: office?.name ?? 'Your employment support provider',
      adviserName: review.recordedBy,
      participant: {
        name: `${p.given_name} ${p.family_name}`,
        niNumber: formatNiNumber(p.ni_number),
        referralId: p.referral_id,
        jobcentreOffice: p.jobcentre_office,
        programme: PROGRAMME_LABELS[p.programme as Programme],
        referralDate: p.referral_date,
        startDate: started?.date ?? null,
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
