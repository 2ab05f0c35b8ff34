/** A participant's adjustments and communication needs, for the screens where they are met. */
import type { Participant } from '@shared/schemas/participant';
import { AdjustmentsNote } from '../../components/adjustments-note';
import { communicationNeeds } from './communication-needs';
import '../../styles/due-week.css';

export function ParticipantAdjustments({
  participant,
  headingLevel = 2,
}: {
  participant: Participant | null;
  headingLevel?: 2 | 3;
}) {
  if (!participant) return null;
  return (
    <AdjustmentsNote
      adjustments={participant.adjustments}
      needs={communicationNeeds(participant)}
      headingLevel={headingLevel}
      id="participant-adjustments"
    />
  );
}
