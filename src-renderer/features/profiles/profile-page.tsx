/**
 * One charter profile: its promises and numbers, and for a manager a form to copy it (a shipped
 * profile) or save a new version (a provider's copy). The form is checked with the same schema
 * the main process uses, so every problem is listed at once and each links to its field.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  OBLIGATION_RULES,
  charterProfileSchema,
  type CharterProfile,
  type ObligationRule,
} from '@shared/domain/charter/profile';
import { retentionOf } from '@shared/domain/charter/retention';
import type { ProfileDetail } from '@shared/ipc/channels/profiles';
import { call } from '../../api';
import { hrefFor, navigate } from '../../app/router';
import { setFlash, takeFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { TextInput, Textarea } from '../../components/fields';
import { NotificationBanner } from '../../components/notification-banner';
import { formatDate } from '../../labels';
import '../../styles/agenda.css';

const NUMBER_LABELS: Record<string, string> = {
  days: 'Days',
  workingDays: 'Working days',
  meetingsPerMonth: 'Meetings each month',
  months: 'Months between reviews',
  eventDays: 'Days after a key event',
  programmeWeeks: 'Programme length in weeks',
  promptDays: 'Days before the end to start the exit review',
};

const TEXT_KEYS = new Set(['title', 'promise', 'source']);

/** The numeric settings of a rule, in the order the profile lists them. */
const numberKeys = (profile: CharterProfile, rule: ObligationRule) =>
  Object.keys(profile.rules[rule]).filter((k) => !TEXT_KEYS.has(k));

/** 'profile.rules.R1.days' → the id of its control. */
const controlId = (field: string) => field.replace(/\./g, '-');

type Draft = Record<string, string>;

function draftOf(p: CharterProfile, copying: boolean): Draft {
  const d: Draft = {
    'profile.id': copying ? `${p.id}-copy` : p.id,
    'profile.name': copying ? `${p.name} (provider copy)` : p.name,
    'profile.description': p.description,
  };
  for (const rule of OBLIGATION_RULES) {
    const r = p.rules[rule] as Record<string, string | number>;
    for (const [k, v] of Object.entries(r))
      if (k !== 'source') d[`profile.rules.${rule}.${k}`] = String(v);
  }
  const retention = retentionOf(p);
  d['profile.retention.yearsAfterExit'] = String(retention.yearsAfterExit);
  d['profile.retention.source'] = retention.source;
  return d;
}

function profileFrom(base: CharterProfile, d: Draft): unknown {
  const rules: Record<string, Record<string, unknown>> = {};
  for (const rule of OBLIGATION_RULES) {
    const r: Record<string, unknown> = { ...base.rules[rule] };
    for (const k of Object.keys(r)) {
      const value = d[`profile.rules.${rule}.${k}`];
      if (value === undefined) continue;
      r[k] = TEXT_KEYS.has(k) ? value : value.trim() === '' ? NaN : Number(value.trim());
    }
    rules[rule] = r;
  }
  return {
    ...base,
    id: d['profile.id'],
    name: d['profile.name'],
    description: d['profile.description'],
    rules,
    retention: {
      yearsAfterExit: wholeNumber(d['profile.retention.yearsAfterExit'] ?? ''),
      source: d['profile.retention.source'] ?? '',
    },
  };
}

const wholeNumber = (value: string) => (value.trim() === '' ? NaN : Number(value.trim()));

/** How long the profile keeps records after exit, and why. */
function ReadOnlyRetention({ profile }: { profile: CharterProfile }) {
  const r = retentionOf(profile);
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt className="summary-list__key">Records kept after exit</dt>
        <dd className="summary-list__value">
          {r.yearsAfterExit === 1 ? '1 year' : `${r.yearsAfterExit} years`}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt className="summary-list__key">Source</dt>
        <dd className="summary-list__value">{r.source}</dd>
      </div>
    </dl>
  );
}

function ReadOnlyRules({ profile }: { profile: CharterProfile }) {
  return (
    <>
      {OBLIGATION_RULES.map((rule) => {
        const r = profile.rules[rule] as Record<string, string | number>;
        return (
          <div className="profile-rule" key={rule}>
            <h3 className="heading-s">
              {rule}: {r.title}
            </h3>
            <dl className="summary-list">
              {numberKeys(profile, rule).map((k) => (
                <div className="summary-list__row" key={k}>
                  <dt className="summary-list__key">{NUMBER_LABELS[k] ?? k}</dt>
                  <dd className="summary-list__value">{r[k]}</dd>
                </div>
              ))}
              <div className="summary-list__row">
                <dt className="summary-list__key">Promise</dt>
                <dd className="summary-list__value">{r.promise}</dd>
              </div>
              <div className="summary-list__row">
                <dt className="summary-list__key">Source</dt>
                <dd className="summary-list__value">{r.source}</dd>
              </div>
            </dl>
          </div>
        );
      })}
    </>
  );
}

function EditForm({
  detail,
  onSaved,
}: {
  detail: ProfileDetail;
  onSaved: (saved: ProfileDetail) => void;
}) {
  const copying = detail.kind === 'shipped';
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail.profile, copying));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [saving, setSaving] = useState(false);
  const [failedSaves, setFailedSaves] = useState(0);

  const show = (list: { field: string; message: string }[]) => {
    setErrors(Object.fromEntries(list.map((e) => [e.field, e.message])));
    setSummary(list.map((e) => ({ targetId: controlId(e.field), message: e.message })));
    setFailedSaves((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const profile = profileFrom(detail.profile, draft);
    const checked = charterProfileSchema.safeParse(profile);
    if (!checked.success) {
      const seen = new Set<string>();
      show(
        checked.error.issues
          .map((i) => ({
            field: ['profile', ...i.path.map(String)].join('.'),
            message: `${labelFor(['profile', ...i.path.map(String)].join('.'))} ${friendly(i)}`,
          }))
          .filter((i) => !seen.has(i.field) && seen.add(i.field)),
      );
      return;
    }
    setSaving(true);
    const result = await call('profiles:saveCopy', {
      basedOn: detail.id,
      ...(copying ? {} : { expectedVersion: detail.version }),
      profile: checked.data,
    });
    setSaving(false);
    if (!result.ok) {
      const field = result.error.field?.startsWith('profile.') ? result.error.field : 'profile.id';
      show([{ field, message: result.error.message }]);
      return;
    }
    onSaved(result.value);
  };

  const field = (name: string, label: string, hint?: string, long = false) => {
    const props = {
      id: controlId(name),
      label,
      hint,
      error: errors[name],
      value: draft[name] ?? '',
      onChange: (e: { target: { value: string } }) =>
        setDraft((d) => ({ ...d, [name]: e.target.value })),
    };
    return long ? <Textarea {...props} rows={3} /> : <TextInput {...props} />;
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="edit-title">
      <h2 className="heading-m" id="edit-title">
        {copying ? 'Make a provider copy' : 'Change this profile'}
      </h2>
      <p className="body">
        {copying
          ? 'Your copy starts with this profile’s promises. Change the numbers and wording, then give participants the copy’s id as their charter profile.'
          : `Saving makes version ${detail.version + 1}; it applies at once to every participant on this profile. Earlier versions are kept.`}
      </p>
      <ErrorSummary errors={summary} focusKey={failedSaves} />
      {copying ? (
        field(
          'profile.id',
          'Id for your copy',
          'Lower-case letters, numbers and hyphens, like acme-work-programme',
        )
      ) : (
        <p className="body">
          Id: <code>{detail.id}</code>
        </p>
      )}
      {field('profile.name', 'Name')}
      {field('profile.description', 'Description', undefined, true)}
      {OBLIGATION_RULES.map((rule) => (
        <fieldset className="fieldset profile-rule" key={rule}>
          <legend className="fieldset__legend fieldset__legend--s">
            {rule}: {detail.profile.rules[rule].title}
          </legend>
          <div className="profile-rule__numbers">
            {numberKeys(detail.profile, rule).map((k) => (
              <TextInput
                key={k}
                id={controlId(`profile.rules.${rule}.${k}`)}
                label={NUMBER_LABELS[k] ?? k}
                width="5"
                inputMode="numeric"
                error={errors[`profile.rules.${rule}.${k}`]}
                value={draft[`profile.rules.${rule}.${k}`] ?? ''}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, [`profile.rules.${rule}.${k}`]: e.target.value }))
                }
              />
            ))}
          </div>
          {field(`profile.rules.${rule}.title`, 'Title')}
          {field(
            `profile.rules.${rule}.promise`,
            'Promise, as participants are told it',
            undefined,
            true,
          )}
        </fieldset>
      ))}
      <fieldset className="fieldset profile-rule">
        <legend className="fieldset__legend fieldset__legend--s">
          How long records are kept after the participant exits
        </legend>
        <TextInput
          id={controlId('profile.retention.yearsAfterExit')}
          label="Years after exit"
          hint="Set it from your contract; six years unless you change it"
          width="5"
          inputMode="numeric"
          error={errors['profile.retention.yearsAfterExit']}
          value={draft['profile.retention.yearsAfterExit'] ?? ''}
          onChange={(e) =>
            setDraft((d) => ({ ...d, 'profile.retention.yearsAfterExit': e.target.value }))
          }
        />
        {field(
          'profile.retention.source',
          'Why this period (the contract clause or the law)',
          undefined,
          true,
        )}
      </fieldset>
      <button type="submit" className="button" disabled={saving}>
        {copying ? 'Save copy' : 'Save new version'}
      </button>
    </form>
  );
}

/** Plain words for the schema's complaints about a number or a text. */
function friendly(issue: {
  code: string;
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
}): string {
  if (issue.code === 'too_small')
    return issue.origin === 'string'
      ? 'cannot be empty'
      : `must be ${String(issue.minimum)} or more`;
  if (issue.code === 'too_big')
    return issue.origin === 'string' ? 'is too long' : `must be ${String(issue.maximum)} or fewer`;
  if (issue.code === 'invalid_type') return 'must be a whole number';
  return `: ${issue.message}`;
}

/** 'profile.rules.R1.days' → 'R1 days', for the error summary. */
function labelFor(field: string): string {
  const parts = field.split('.');
  if (parts[1] === 'rules' && parts[2]) {
    const key = parts[3] ?? '';
    const words =
      NUMBER_LABELS[key] ?? (key === 'promise' ? 'Promise' : key === 'title' ? 'Title' : key);
    return `${parts[2]} ${words.toLowerCase()}`;
  }
  if (parts[1] === 'retention')
    return parts[2] === 'source'
      ? 'Why this retention period'
      : 'Years records are kept after exit';
  return { id: 'Id', name: 'Name', description: 'Description' }[parts[1] ?? ''] ?? field;
}

export function ProfilePage({ id }: { id: string }) {
  const [detail, setDetail] = useState<ProfileDetail | null>(null);
  const [canEdit, setCanEdit] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(() => takeFlash());

  useEffect(() => {
    let live = true;
    void Promise.all([call('profiles:get', { id }), call('profiles:list', {})]).then(
      ([got, list]) => {
        if (!live) return;
        if (!got.ok) return setProblem(got.error.message);
        setDetail(got.value);
        setCanEdit(list.ok && list.value.canEdit);
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (problem)
    return (
      <>
        <PageHeading>Profile not available</PageHeading>
        <p className="body">{problem}</p>
        <p className="body">
          <a className="link" href={hrefFor({ name: 'profiles' })}>
            Back to charter profiles
          </a>
        </p>
      </>
    );
  if (!detail)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );

  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'profiles' })}>
        Back to charter profiles
      </a>
      {banner && (
        <NotificationBanner key={banner} title="Success" success>
          <p className="notification-banner__heading">{banner}</p>
        </NotificationBanner>
      )}
      <PageHeading
        caption={
          detail.kind === 'shipped'
            ? 'Shipped with Waymark'
            : `Provider’s copy, version ${detail.version}, saved ${formatDate(detail.savedAt ?? '')} by ${detail.savedBy ?? ''}`
        }
        focusOnMount={!banner}
      >
        {detail.name}
      </PageHeading>
      <p className="body">{detail.profile.description}</p>
      <div className="grid-row">
        <div className="grid-column-two-thirds">
          {canEdit ? (
            <EditForm
              key={`${detail.id}@${detail.version}`}
              detail={detail}
              onSaved={(saved) => {
                const message = `Saved ${saved.name}, version ${saved.version}`;
                if (saved.id !== detail.id) {
                  setFlash(message);
                  navigate({ name: 'profile', id: saved.id });
                } else {
                  setDetail(saved);
                  setBanner(message);
                }
              }}
            />
          ) : (
            <>
              <p className="inset-text">Only a manager can copy and change profiles.</p>
              <h2 className="heading-m">Promises</h2>
              <ReadOnlyRules profile={detail.profile} />
              <h2 className="heading-m">Keeping records</h2>
              <ReadOnlyRetention profile={detail.profile} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
