import type { ParticipantStatus } from '@shared/schemas/participant';
import { STATUS_LABELS } from '../labels';

const COLOURS: Record<ParticipantStatus, string> = {
  referred: 'blue',
  allocated: 'light-blue',
  contacted: 'turquoise',
  'induction-booked': 'purple',
  started: 'green',
  'in-work': 'green',
  exited: 'grey',
};

export function StatusTag({ status }: { status: ParticipantStatus }) {
  return <strong className={`tag tag--${COLOURS[status]}`}>{STATUS_LABELS[status]}</strong>;
}
