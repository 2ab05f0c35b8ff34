/**
 * Offices and outreach venues: each with its address, hours, closures, rooms, access and
 * contact, with "Change", "Close" and "Reopen". A venue is closed rather than deleted: its past
 * appointments and letters still point at it.
 */
import { useCallback, useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { officeCloseSchema, type Office, type OfficeClose } from '@shared/schemas/diary';
import type { Room } from '@shared/schemas/diary-settings';
import { POSTCODE_ATTRIBUTION } from '@shared/domain/diary/postcode-districts';
import { call } from '../../api';
import { hrefFor, navigate } from '../../app/router';
import { setFlash, takeFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { NotificationBanner } from '../../components/notification-banner';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { ErrorSummary } from '../../components/error-summary';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { formatDate, NATION_LABELS } from '../../labels';
import { useToday } from '../../app/today';
import { OfficeForm } from './office-form';
import { hoursLines } from './opening-hours-text';
import '../../styles/places.css';

const fetchPlaces = () => Promise.all([call('diary:offices', {}), call('diary:rooms', {})]);

function useOffices() {
  const [offices, setOffices] = useState<Office[] | null>(null);
  const [rooms, setRooms] = useState<Room[]>([]);
  const apply = useCallback(([o, r]: Awaited<ReturnType<typeof fetchPlaces>>) => {
    if (o.ok) setOffices(o.value);
    if (r.ok) setRooms(r.value);
  }, []);
  useEffect(() => {
    let live = true;
    void fetchPlaces().then((all) => live && apply(all));
    return () => {
      live = false;
    };
  }, [apply]);
  const load = useCallback(() => fetchPlaces().then(apply), [apply]);
  return { offices, rooms, load };
}

export function PlacesPage() {
  const { offices, rooms, load } = useOffices();
  const [banner, setBanner] = useState<string | null>(() => takeFlash());
  if (offices === null) return <PageHeading>Offices and venues</PageHeading>;
  const open = offices.filter((o) => o.closedOn === null);
  const closed = offices.filter((o) => o.closedOn !== null);
  return (
    <div className="places">
      {banner && (
        <NotificationBanner title="Done" success>
          <p className="body">{banner}</p>
        </NotificationBanner>
      )}
      <PageHeading focusOnMount={!banner}>Offices and venues</PageHeading>
      <p className="body">
        Where you meet participants. The slot finder offers the one nearest each participant’s home
        first.
      </p>
      <a className="button" href={hrefFor({ name: 'add-place' })}>
        Add an office or venue
      </a>
      {open.length === 0 && (
        <div className="places-empty">
          <h2 className="heading-m">No offices or venues yet</h2>
          <p className="body">
            Add your office first: appointments, induction letters and the meeting plan all need
            somewhere to meet.{' '}
            <a className="link" href={hrefFor({ name: 'add-place' })}>
              Add an office or venue
            </a>
            .
          </p>
        </div>
      )}
      {open.map((o) => (
        <PlaceCard
          key={o.id}
          office={o}
          rooms={rooms.filter((r) => r.officeId === o.id)}
          onChanged={(message) => {
            setBanner(message);
            void load();
          }}
        />
      ))}
      {closed.length > 0 && (
        <>
          <h2 className="heading-m">Closed</h2>
          {closed.map((o) => (
            <PlaceCard
              key={o.id}
              office={o}
              rooms={rooms.filter((r) => r.officeId === o.id)}
              onChanged={(message) => {
                setBanner(message);
                void load();
              }}
            />
          ))}
        </>
      )}
      <PostcodeAttribution />
    </div>
  );
}

/** The Open Government Licence attribution for the distances shown anywhere in the app. */
export function PostcodeAttribution() {
  return (
    <details className="details places-attribution">
      <summary className="details__summary">
        <span className="details__summary-text">About the distances</span>
      </summary>
      <div className="details__text">
        <p className="body">
          Distances are measured between the centres of postcode districts (such as LS1), not exact
          addresses.
        </p>
        {POSTCODE_ATTRIBUTION.map((line) => (
          <p key={line} className="body-s">
            {line}
          </p>
        ))}
      </div>
    </details>
  );
}

function PlaceCard({
  office: o,
  rooms,
  onChanged,
}: {
  office: Office;
  rooms: Room[];
  onChanged: (message: string) => void;
}) {
  const hours = hoursLines(o.openingHours);
  const headingId = `place-${o.id}`;
  return (
    <section className="summary-card places-card" aria-labelledby={headingId}>
      <div className="summary-card__title-wrapper">
        <h2 className="summary-card__title heading-m" id={headingId}>
          {o.name}
        </h2>
        <p className="body">
          {o.kind === 'outreach' ? 'Outreach venue' : 'Office'}, {NATION_LABELS[o.nation]}
          {o.closedOn ? `. Closed from ${formatDate(o.closedOn)}` : ''}
        </p>
      </div>
      <dl className="summary-list">
        <Row label="Address">
          {[o.address.line1, o.address.line2, o.address.town, o.address.postcode]
            .filter(Boolean)
            .join(', ')}
        </Row>
        <Row label="Opening hours">
          {hours.length === 0 ? (
            'No opening hours yet: nothing can be booked here'
          ) : (
            <ul className="list">
              {hours.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Closures">
          {o.closures.length === 0 ? (
            'None'
          ) : (
            <ul className="list">
              {o.closures.map((c) => (
                <li key={`${c.from}-${c.to}`}>
                  {c.from === c.to
                    ? formatDate(c.from)
                    : `${formatDate(c.from)} to ${formatDate(c.to)}`}
                  : {c.reason}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Rooms">
          {rooms.length === 0 ? (
            <>
              None listed.{' '}
              <a className="link" href={hrefFor({ name: 'diary-settings' })}>
                Add rooms in diary settings
              </a>
            </>
          ) : (
            rooms
              .map(
                (r) =>
                  `${r.name} (seats ${r.capacity}${r.stepFree ? ', step-free' : ''}${r.equipment.includes('hearing-loop') ? ', hearing loop' : ''})`,
              )
              .join('; ')
          )}
        </Row>
        <Row label="Access">
          {[
            o.stepFree ? 'Step-free entrance' : 'Entrance has steps',
            o.hearingLoop ? 'hearing loop' : 'no hearing loop',
          ].join(', ')}
          {o.accessNotes ? `. ${o.accessNotes}` : ''}
        </Row>
        {o.directions && <Row label="Travel directions">{o.directions}</Row>}
        {o.publicTransport && <Row label="Public transport">{o.publicTransport}</Row>}
        <Row label="Contact">
          {o.phone}, {o.email}
        </Row>
      </dl>
      <p className="body">
        <a className="link" href={hrefFor({ name: 'edit-place', id: o.id })}>
          Change<span className="visually-hidden"> {o.name}</span>
        </a>
      </p>
      <CloseForm office={o} onChanged={onChanged} />
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

interface CloseValues {
  date: string;
}

/**
 * The first day closed, in words beside the boxes: required here (the channel's null means
 * reopen), a real date, and not in the past; then the shared schema the main process checks.
 */
function closeResolver(o: Office, today: string): Resolver<CloseValues, unknown, OfficeClose> {
  const base = schemaResolver<CloseValues, OfficeClose>(
    officeCloseSchema,
    (v) => ({ id: o.id, version: o.version, closedOn: toCivilDate(v.date) }),
    [],
  );
  const problem = (message: string) => ({
    values: {},
    errors: { date: { type: 'validate', message } },
  });
  return async (values, context, options) => {
    const day = toCivilDate(values.date);
    if (!day) return problem('Enter the first day it is closed');
    const result = await base(values, context, options);
    const errors = result.errors as Record<string, { message?: string }>;
    if (errors.closedOn) return problem('Enter a real date, for example 31 3 2027');
    const first = Object.values(errors)[0];
    if (first) return problem(first.message ?? '');
    if (day < today) return problem('The closing date must be today or later');
    return result;
  };
}

function CloseForm({
  office: o,
  onChanged,
}: {
  office: Office;
  onChanged: (message: string) => void;
}) {
  const today = useToday();
  const [general, setGeneral] = useState<string | null>(null);
  const [tries, setTries] = useState(0);
  const ids = { date: `close-${o.id}` };
  const {
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<CloseValues, unknown, OfficeClose>({
    resolver: closeResolver(o, today),
    defaultValues: { date: '' },
    shouldFocusError: false,
  });
  const fail = (message: string) => {
    setGeneral(message);
    setTries((n) => n + 1);
  };
  if (o.closedOn !== null)
    return (
      <>
        <ErrorSummary errors={summaryOf(errors, ids, general)} focusKey={tries} />
        <button
          type="button"
          className="button button--secondary"
          onClick={async () => {
            const r = await call('diary:closeOffice', {
              id: o.id,
              version: o.version,
              closedOn: null,
            });
            if (!r.ok) return fail(r.error.message);
            onChanged(`${o.name} is open again.`);
          }}
        >
          Reopen<span className="visually-hidden"> {o.name}</span>
        </button>
      </>
    );
  const close = async (closing: OfficeClose) => {
    setGeneral(null);
    const r = await call('diary:closeOffice', closing);
    if (!r.ok) return fail(r.error.message);
    const n = r.value.appointmentsAffected;
    onChanged(
      `${o.name} is closed from ${formatDate(closing.closedOn!)}.${n > 0 ? ` ${n === 1 ? 'One booked appointment is' : `${n} booked appointments are`} on or after that day and need moving.` : ''}`,
    );
  };
  return (
    <details className="details">
      <summary className="details__summary">
        <span className="details__summary-text">
          Close<span className="visually-hidden"> {o.name}</span> for good
        </span>
      </summary>
      <form
        className="details__text"
        noValidate
        aria-label={`Close ${o.name}`}
        onSubmit={(e) => void handleSubmit(close, () => setTries((n) => n + 1))(e)}
      >
        <ErrorSummary errors={summaryOf(errors, ids, general)} focusKey={tries} />
        <ControlledDateInput
          control={control}
          name="date"
          id={ids.date}
          legend="First day it is closed"
          hint="It will not be offered from that day. For example, 31 3 2027"
          error={errors.date?.message}
        />
        <button type="submit" className="button button--warning" disabled={isSubmitting}>
          Close {o.name}
        </button>
      </form>
    </details>
  );
}

export function AddPlacePage() {
  return (
    <div className="places">
      <a className="back-link" href={hrefFor({ name: 'places' })}>
        Back to offices and venues
      </a>
      <PageHeading>Add an office or venue</PageHeading>
      <OfficeForm
        submitLabel="Save office or venue"
        onSave={async (office) => {
          const r = await call('diary:saveOffice', { office });
          if (!r.ok) return r.error;
          setFlash(`${r.value.name} added.`);
          navigate({ name: 'places' });
          return null;
        }}
      />
    </div>
  );
}

export function EditPlacePage({ id }: { id: string }) {
  const { offices } = useOffices();
  const office = offices?.find((o) => o.id === id);
  return (
    <div className="places">
      <a className="back-link" href={hrefFor({ name: 'places' })}>
        Back to offices and venues
      </a>
      <PageHeading caption={office?.name}>Change office or venue</PageHeading>
      {offices !== null && !office && <p className="body">That office or venue was not found.</p>}
      {office && (
        <OfficeForm
          office={office}
          submitLabel="Save changes"
          onSave={async (details) => {
            const r = await call('diary:saveOffice', { id, office: details });
            if (!r.ok) return r.error;
            setFlash(`${r.value.name} saved.`);
            navigate({ name: 'places' });
            return null;
          }}
        />
      )}
    </div>
  );
}
