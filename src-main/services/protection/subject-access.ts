/**
 * A subject-access export (UK GDPR Art. 15): everything held about one participant, as JSON.
 * The export itself is audited.
 */
import type { Services } from '../../app/services';
import { notFound } from '../../errors';
import { findByReferralId } from '../../db/repositories/participants';

export async function exportSubjectAccess(services: Services, idOrReferral: string) {
  const db = services.wp.db;
  const byRef = await findByReferralId(db, idOrReferral);
  const id = byRef?.id ?? idOrReferral;
  const exists = await db
    .selectFrom('participants')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!exists) throw notFound('That participant');
  const participant = await services.participants.get(id);
  const timeline = await services.participants.timeline(id);
  const access = await db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'action'])
    .where('entity_id', '=', id)
    .orderBy('seq')
    .execute();
  await services.wp.transaction((w) =>
    w.audit('participant.subject-access-export', 'participant', id),
  );
  return {
    exportedAt: services.wp.now().toISOString(),
    controllerNote:
      'Produced by Waymark for a subject access request. It holds every record about this person on this caseload.',
    participant,
    timeline,
    accessLog: access,
  };
}
