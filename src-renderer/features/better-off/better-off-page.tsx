/**
 * A participant's better-off calculation (charter R11): the guided form prefilled from their
 * record, the figures as the adviser types, Save (onto the participant and their timeline) and
 * Save and print statement (saves the calculation, then prints the statement of the saved calculation
 * through the documents pipeline), and the calculations saved before.
 */
import { useEffect, useState } from 'react';
import type { Participant } from '@shared/schemas/participant';
import type { BetterOffPrefill, SavedBetterOff } from '@shared/ipc/channels/better-off';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { NotificationBanner } from '../../components/notification-banner';
import { formatDate, formatShortDate } from '../../labels';
import { BetterOffForm, type Submitted } from './better-off-form';
import { pounds, toFormValues } from './form-model';
import { DocumentActions } from '../letters/document-actions';
import '../../styles/better-off.css';

interface Loaded {
  participant: Participant;
  prefill: BetterOffPrefill;
  saved: SavedBetterOff[];
}

function SavedList({ saved }: { saved: SavedBetterOff[] }) {
  if (saved.length === 0)
    return <p className="body">No better-off calculation has been saved for them yet.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Saved calculations, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="table__header">
            Explained on
          </th>
          <th scope="col" className="table__header">
            Job
          </th>
          <th scope="col" className="table__header table__header--numeric">
            Better off a month
          </th>
          <th scope="col" className="table__header">
            Rates
          </th>
        </tr>
      </thead>
      <tbody>
        {saved.map((s) => (
          <tr key={s.id}>
            <td className="table__cell">{formatShortDate(s.explainedOn)}</td>
            <td className="table__cell">
              {s.label ? `${s.label}: ` : ''}
              {s.household.job.hoursPerWeek} hours at {pounds(s.household.job.hourlyWage ?? 0)}
            </td>
            <td className="table__cell table__cell--numeric">
              {pounds(s.output.betterOffMonthly)}
            </td>
            <td className="table__cell">{s.taxYear}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The participant, a starting household and what was saved before; or why not. */
async function loadAll(id: string): Promise<Loaded | string> {
  const [p, prefill, saved] = await Promise.all([
    call('participant:get', { id }),
    call('betterOff:prefill', { participantId: id }),
    call('betterOff:list', { participantId: id }),
  ]);
  if (!p.ok) return p.error.message;
  if (!prefill.ok) return prefill.error.message;
  return { participant: p.value, prefill: prefill.value, saved: saved.ok ? saved.value : [] };
}

export function BetterOffPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [banner, setBanner] = useState<{ text: string; letterId?: string } | null>(null);

  useEffect(() => {
    let live = true;
    void loadAll(id).then((answer) => {
      if (!live) return;
      if (typeof answer === 'string') setProblem(answer);
      else setLoaded(answer);
    });
    return () => {
      live = false;
    };
  }, [id]);

  if (problem)
    return (
      <>
        <PageHeading>Participant not available</PageHeading>
        <p className="body">{problem}</p>
      </>
    );
  if (!loaded)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );

  const { participant: p, prefill, saved } = loaded;
  const name = `${p.givenName} ${p.familyName}`;

  const save = async (v: Submitted): Promise<IpcError | null> => {
    const result = await call('betterOff:save', {
      participantId: p.id,
      household: v.household,
      explainedOn: v.explainedOn,
      ...(v.label ? { label: v.label } : {}),
    });
    if (!result.ok) return result.error;
    setBanner({
      text: `Calculation saved. It is on ${name}’s timeline, explained on ${formatDate(result.value.explainedOn)}.`,
    });
    const list = await call('betterOff:list', { participantId: p.id });
    if (list.ok) setLoaded({ ...loaded, saved: list.value });
    return null;
  };

  /**
   * The statement prints what is recorded: the calculation is saved first (onto the record and
   * the timeline), then the statement is issued from the saved calculation's id.
   */
  const print = async (v: Submitted): Promise<IpcError | null> => {
    const saved = await call('betterOff:save', {
      participantId: p.id,
      household: v.household,
      explainedOn: v.explainedOn,
      ...(v.label ? { label: v.label } : {}),
    });
    if (!saved.ok) return saved.error;
    const list = await call('betterOff:list', { participantId: p.id });
    if (list.ok) setLoaded({ ...loaded, saved: list.value });
    const result = await call('documents:issue', {
      kind: 'better-off-statement',
      participantId: p.id,
      method: 'printed',
      calculationId: saved.value.id,
    });
    if (!result.ok) return result.error;
    setBanner(
      result.value
        ? {
            text: 'Calculation saved and statement printed. Both are on the timeline; the statement is in the letter log.',
            letterId: result.value.id,
          }
        : { text: 'Calculation saved. The print was cancelled, so no statement was logged.' },
    );
    return null;
  };

  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'participant', id: p.id })}>
        Back to {name}
      </a>
      {banner && (
        <NotificationBanner key={banner.text} title="Success" success>
          <p className="notification-banner__heading">{banner.text}</p>
          {banner.letterId && (
            <DocumentActions target={{ letterId: banner.letterId }} label="the statement" />
          )}
        </NotificationBanner>
      )}
      <PageHeading caption={name} focusOnMount={banner === null}>
        Better-off calculation
      </PageHeading>
      <div className="inset-text">
        <p className="body">Filled in from {name}’s record. Check each answer with them.</p>
        <ul className="list list--bullet">
          {prefill.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
      <BetterOffForm
        defaultValues={toFormValues(prefill.household, prefill.explainedOn)}
        taxYears={prefill.taxYears}
        today={prefill.explainedOn}
        onSave={save}
        onPrint={print}
      />
      <h2 className="heading-m">Saved calculations</h2>
      <SavedList saved={saved} />
    </>
  );
}
