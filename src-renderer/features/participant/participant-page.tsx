/** One participant: communication needs first, then details, status and timeline. */
import { useState, type ReactNode } from 'react';
import type { Participant } from '@shared/schemas/participant';
import { formatNiNumber } from '@shared/domain/identity/ni-number';
import { hrefFor } from '../../app/router';
import { takeFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { NotificationBanner } from '../../components/notification-banner';
import { StatusTag } from '../../components/status-tag';
import {
  BENEFIT_LABELS,
  CONTACT_LABELS,
  EXIT_REASON_LABELS,
  NATION_LABELS,
  PROGRAMME_LABELS,
  STATUS_LABELS,
  formatDate,
} from '../../labels';
import { StatusForm } from './status-form';
import { Timeline } from './timeline';
import { useParticipant } from './use-participant';
import { communicationNeeds } from './communication-needs';
import { DueFirstPanel } from './due-first-panel';
import { ParticipantObligations } from '../agenda/participant-obligations';
import { SubjectAccessPanel } from './subject-access-panel';
import { RetentionPanel } from '../retention/retention-panel';
import { ParticipantSyncPanel } from '../sync/participant-sync-panel';

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

function Details({ p }: { p: Participant }) {
  const formats = communicationNeeds(p).filter((n) => !n.startsWith('Needs an interpreter'));
  return (
    <dl className="summary-list">
      <SummaryRow label="Name">
        {p.givenName} {p.familyName}
      </SummaryRow>
      <SummaryRow label="Preferred name">{p.preferredName ?? 'None given'}</SummaryRow>
      <SummaryRow label="Date of birth">{formatDate(p.dateOfBirth)}</SummaryRow>
      <SummaryRow label="National Insurance number">{formatNiNumber(p.niNumber)}</SummaryRow>
      <SummaryRow label="Address">
        {[p.address.line1, p.address.line2, p.address.town, p.address.county, p.address.postcode]
          .filter(Boolean)
          .map((line) => (
            <span className="address-line" key={line}>
              {line}
            </span>
          ))}
      </SummaryRow>
      <SummaryRow label="Preferred contact">{CONTACT_LABELS[p.contactChannel]}</SummaryRow>
      <SummaryRow label="Phone">{p.phone ?? 'None given'}</SummaryRow>
      <SummaryRow label="Email">{p.email ?? 'None given'}</SummaryRow>
      <SummaryRow label="Language">
        {p.language}
        {p.interpreterNeeded ? ', needs an interpreter' : ''}
      </SummaryRow>
      <SummaryRow label="Reasonable adjustments">{p.adjustments || 'None recorded'}</SummaryRow>
      <SummaryRow label="Accessible formats">
        {formats.length ? formats.join(', ') : 'None'}
      </SummaryRow>
      <SummaryRow label="Referral reference">{p.referralId}</SummaryRow>
      <SummaryRow label="Referral date">{formatDate(p.referralDate)}</SummaryRow>
      <SummaryRow label="Jobcentre office">{p.jobcentreOffice}</SummaryRow>
      <SummaryRow label="Benefit">{BENEFIT_LABELS[p.benefit]}</SummaryRow>
      <SummaryRow label="Programme">{PROGRAMME_LABELS[p.programme]}</SummaryRow>
      <SummaryRow label="Nation">{NATION_LABELS[p.nation]}</SummaryRow>
    </dl>
  );
}

export function ParticipantPage({ id }: { id: string }) {
  const { participant: p, timeline, problem, reload } = useParticipant(id);
  const [banner, setBanner] = useState<string | null>(() => takeFlash());
  const [arrivedWithBanner] = useState(banner !== null);

  if (problem)
    return (
      <>
        <PageHeading>Participant not available</PageHeading>
        <p className="body">{problem}</p>
        <p className="body">
          <a className="link" href={hrefFor({ name: 'caseload' })}>
            Back to your caseload
          </a>
        </p>
      </>
    );
  if (!p)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );

  const needs = communicationNeeds(p);
  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'caseload' })}>
        Back to caseload
      </a>
      {banner && (
        <NotificationBanner key={banner} title="Success" success>
          <p className="notification-banner__heading">{banner}</p>
        </NotificationBanner>
      )}
      <PageHeading caption={`Referral ${p.referralId}`} focusOnMount={!arrivedWithBanner}>
        {p.givenName} {p.familyName}
      </PageHeading>
      {/*
        The things an adviser does next (book, plan, log a meeting) sit after the details and the
        panels: about 20 Tabs at 200% zoom. One Tab from the heading skips there (WCAG 2.4.1).
        Not a plain #link: the hash is the app's route.
      */}
      <p className="body">
        <a
          href="#participant-actions"
          className="link"
          onClick={(e) => {
            e.preventDefault();
            document.querySelector<HTMLElement>('#participant-actions a')?.focus();
          }}
        >
          Skip to what you can do: book, plan, meetings and letters
        </a>
      </p>
      <p className="body">
        <StatusTag status={p.status} />
        {p.exitReason && <span> {EXIT_REASON_LABELS[p.exitReason]}</span>}
      </p>
      <DueFirstPanel participant={p} />
      <ParticipantSyncPanel participantId={p.id} version={p.version} />
      {needs.length > 0 && (
        <div className="communication-needs" role="region" aria-labelledby="needs-title">
          <h2 className="heading-s" id="needs-title">
            Communication needs
          </h2>
          <ul className="list list--bullet">
            {needs.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid-row">
        <div className="grid-column-two-thirds">
          <div className="summary-card">
            <div className="summary-card__title-wrapper">
              <h2 className="summary-card__title">Details</h2>
              <a className="link" href={hrefFor({ name: 'edit-participant', id: p.id })}>
                Change<span className="visually-hidden"> details</span>
              </a>
            </div>
            <div className="summary-card__content">
              <Details p={p} />
            </div>
          </div>
          <StatusForm
            participant={p}
            onChanged={(updated) => {
              setBanner(`Status changed to ${STATUS_LABELS[updated.status].toLowerCase()}`);
              void reload();
            }}
          />
          <ParticipantObligations id={p.id} version={p.version} />
          <SubjectAccessPanel participantId={p.id} />
          <RetentionPanel participantId={p.id} />
        </div>
        <div className="grid-column-one-third" id="participant-actions">
          <p className="body">
            <a className="link" href={hrefFor({ name: 'better-off', id: p.id })}>
              Better-off calculation
            </a>
          </p>
          <ul className="list">
            <li>
              <a className="link" href={hrefFor({ name: 'plan', id: p.id })}>
                Plan (PPEP or action plan)
              </a>
            </li>
            <li>
              <a className="link" href={hrefFor({ name: 'participant-letters', id: p.id })}>
                Letters and documents
              </a>
            </li>
            <li>
              <a className="link" href={hrefFor({ name: 'book-appointment', id: p.id })}>
                Book appointment
              </a>
            </li>
            <li>
              <a className="link" href={hrefFor({ name: 'meetings', id: p.id })}>
                Meetings, contacts and life events
              </a>
            </li>
            <li>
              <a className="link" href={hrefFor({ name: 'status-work', id: p.id })}>
                Status, attendance and exit review
              </a>
            </li>
            <li>
              <a className="link" href={hrefFor({ name: 'participant-timeline', id: p.id })}>
                Full timeline (filter and print)
              </a>
            </li>
          </ul>
          <h2 className="heading-m">Timeline</h2>
          <Timeline events={timeline} />
        </div>
      </div>
    </>
  );
}
