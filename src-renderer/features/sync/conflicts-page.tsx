/**
 * Conflicts the service reported. Identity and contact details are never overwritten silently:
 * both values are shown and the adviser chooses one, which becomes a new change on this computer
 * and goes to the service at the next sync. Edits that lost to a later one elsewhere are shown
 * as information, with the value from this computer, so nothing disappears unseen.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { SyncConflictView } from '@shared/ipc/channels/sync';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset } from '../../components/fields';
import { NotificationBanner } from '../../components/notification-banner';
import { setSyncStatus } from './sync-status-store';
import { changeByInWords, whenInWords } from './sync-words';
import './sync.css';

/**
 * Columns every change touches (when, which version, the search index): the service may report
 * them as a lost race, but they are bookkeeping, not anything the adviser wrote.
 */
export const BOOKKEEPING_FIELDS: readonly string[] = [
  'updated_at',
  'created_at',
  'version',
  'search_text',
];

const shown = (value: string | null) => (value === null || value === '' ? 'No value' : value);
const whose = (c: SyncConflictView) => c.participantName ?? 'A record';

/** 'Kept ‘Jones’ as Siân’s family name.' (the name is the record's before the choice). */
export function decidedMessage(c: SyncConflictView, choice: 'mine' | 'theirs'): string {
  const value = shown(choice === 'mine' ? c.mine : c.theirs);
  const where = choice === 'mine' ? 'the value on this computer' : 'the value on the service';
  return `Kept ‘${value}’ (${where}) as the ${c.fieldLabel.toLowerCase()} of ${whose(c)}. It goes to the service at the next sync.`;
}

/** 'The service holds this value.' on the side it holds, so the adviser knows what others see. */
const holds = (c: SyncConflictView, side: 'mine' | 'theirs') =>
  c.serverHolds === side ? ' The service holds this value.' : '';

/** One side of a conflict: where, the value, who made it and when, and whether the service has it. */
function Side({
  c,
  side,
  source,
}: {
  c: SyncConflictView;
  side: 'mine' | 'theirs';
  source: string;
}) {
  return (
    <>
      <span className="sync-conflict__source">{source}</span>
      <span className="sync-conflict__value">{shown(side === 'mine' ? c.mine : c.theirs)}</span>
      <span className="sync-conflict__by">
        {changeByInWords(side === 'mine' ? c.mineBy : c.theirsBy)}.{holds(c, side)}
      </span>
    </>
  );
}

const choiceSchema = (label: string) =>
  z.object({
    choice: z.enum(['mine', 'theirs'], {
      message: `Choose which ${label.toLowerCase()} to keep`,
    }),
  });
type ChoiceForm = { choice: 'mine' | 'theirs' };

function DecideConflict({
  conflict: c,
  onDecided,
}: {
  conflict: SyncConflictView;
  onDecided(choice: 'mine' | 'theirs'): Promise<string | null>;
}) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChoiceForm>({
    resolver: zodResolver(choiceSchema(c.fieldLabel)),
    shouldFocusError: false,
  });
  const [failedSubmits, setFailedSubmits] = useState(0);
  const id = `conflict-${c.id}`;
  const message = errors.choice?.message;
  const registration = register('choice');
  const submit = async ({ choice }: ChoiceForm) => {
    const problem = await onDecided(choice);
    if (problem) {
      setError('choice', { type: 'server', message: problem });
      setFailedSubmits((n) => n + 1);
    }
  };
  return (
    <section className="sync-conflict" aria-labelledby={`${id}-title`}>
      <h2 className="heading-m" id={`${id}-title`}>
        {whose(c)}: {c.fieldLabel.toLowerCase()}
      </h2>
      <p className="body">
        This {c.fieldLabel.toLowerCase()} was changed on this computer and on another computer
        before they synced. Found {whenInWords(c.createdAt)}.
      </p>
      <form
        noValidate
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => void handleSubmit(submit, () => setFailedSubmits((n) => n + 1))(e)}
      >
        <ErrorSummary
          errors={message ? [{ targetId: id, message }] : []}
          focusKey={failedSubmits}
        />
        <Fieldset
          id={id}
          legend={`Which ${c.fieldLabel.toLowerCase()} should Waymark keep?`}
          legendSize="s"
          error={message}
        >
          <div className="radios">
            <Choice
              type="radio"
              id={id}
              value="mine"
              label={<Side c={c} side="mine" source="On this computer" />}
              {...registration}
            />
            <Choice
              type="radio"
              id={`${id}-theirs`}
              value="theirs"
              label={<Side c={c} side="theirs" source="On the service, changed elsewhere" />}
              {...registration}
            />
          </div>
        </Fieldset>
        <button type="submit" className="button" disabled={isSubmitting}>
          Keep this {c.fieldLabel.toLowerCase()}
        </button>
      </form>
    </section>
  );
}

function LostEdit({
  conflict: c,
  onSeen,
}: {
  conflict: SyncConflictView;
  onSeen(): Promise<string | null>;
}) {
  return (
    <li className="sync-lost">
      <p className="body">
        <strong>
          {whose(c)}: {c.fieldLabel.toLowerCase()}
        </strong>
        <br />
        The service kept a later edit made on another computer
        {c.theirs !== null ? ` (‘${shown(c.theirs)}’)` : ''}. Yours, ‘{shown(c.mine)}’, is saved
        here so you can put it back if it was right. Found {whenInWords(c.createdAt)}.
      </p>
      <dl className="sync-lost__sides">
        <div>
          <dt>Kept by the service</dt>
          <dd>{changeByInWords(c.theirsBy)}</dd>
        </div>
        <div>
          <dt>Yours</dt>
          <dd>{changeByInWords(c.mineBy)}</dd>
        </div>
      </dl>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={`I have seen this: ${c.fieldLabel.toLowerCase()}`}
        onClick={() => void onSeen()}
      >
        I have seen this
      </button>
    </li>
  );
}

const fetchConflicts = (participantId?: string) =>
  call('sync:conflicts', participantId ? { participantId } : {});

/** Every conflict, or one participant's (reached from the participant page). */
export function ConflictsPage({ participantId }: { participantId?: string } = {}) {
  const [conflicts, setConflicts] = useState<SyncConflictView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ n: number; message: string } | null>(null);

  const apply = (result: Awaited<ReturnType<typeof fetchConflicts>>) => {
    if (result.ok) {
      setConflicts(result.value);
      setProblem(null);
    } else setProblem(result.error.message);
  };
  useEffect(() => {
    let live = true;
    void fetchConflicts(participantId).then((result) => live && apply(result));
    return () => {
      live = false;
    };
  }, [participantId]);

  const resolve = async (
    c: SyncConflictView,
    choice: 'mine' | 'theirs',
    message: string,
  ): Promise<string | null> => {
    const result = await call('sync:resolve', { id: c.id, choice });
    if (!result.ok) return result.error.message;
    setSyncStatus(result.value);
    apply(await fetchConflicts(participantId));
    setDone((d) => ({ n: (d?.n ?? 0) + 1, message }));
    return null;
  };

  const decide = conflicts?.filter((c) => c.kind === 'decide') ?? [];
  const lost =
    conflicts?.filter((c) => c.kind === 'lost' && !BOOKKEEPING_FIELDS.includes(c.field)) ?? [];
  return (
    <div className="grid-two-thirds">
      {done && (
        <NotificationBanner key={done.n} success title="Done">
          <p className="notification-banner__heading">{done.message}</p>
        </NotificationBanner>
      )}
      {participantId ? (
        <a className="back-link" href={hrefFor({ name: 'participant', id: participantId })}>
          Back to the participant
        </a>
      ) : (
        <a className="back-link" href={hrefFor({ name: 'sync' })}>
          Back to this computer and the service
        </a>
      )}
      <PageHeading focusOnMount={!done}>Sync conflicts</PageHeading>
      {participantId && (
        <p className="body">
          {conflicts?.[0]?.participantName
            ? `Conflicts for ${conflicts[0].participantName} only. `
            : 'Conflicts for one participant only. '}
          <a className="link" href={hrefFor({ name: 'sync-conflicts' })}>
            See every conflict
          </a>
        </p>
      )}
      {problem && (
        <p className="body" role="alert">
          {problem}
        </p>
      )}
      {!conflicts && !problem && (
        <p className="body" role="status">
          Loading…
        </p>
      )}
      {conflicts && decide.length === 0 && lost.length === 0 && (
        <p className="body">There are no conflicts. Nothing needs you to choose.</p>
      )}
      {decide.map((c) => (
        <DecideConflict
          key={c.id}
          conflict={c}
          onDecided={(choice) => resolve(c, choice, decidedMessage(c, choice))}
        />
      ))}
      {lost.length > 0 && (
        <>
          <h2 className="heading-m">Edits kept from another computer</h2>
          <p className="body">
            For these details the latest edit wins. Nothing needs deciding; your own value is shown
            so that it is not lost unseen.
          </p>
          <ul className="list sync-lost-list">
            {lost.map((c) => (
              <LostEdit
                key={c.id}
                conflict={c}
                onSeen={() =>
                  resolve(c, 'theirs', `${whose(c)}’s ${c.fieldLabel.toLowerCase()}: noted.`)
                }
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
