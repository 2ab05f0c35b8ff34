/**
 * One charter profile: its promises and numbers, and for a manager a form to copy it (a shipped
 * profile) or save a new version (a provider's copy). The form is a react-hook-form checked with
 * profileSaveSchema, the schema profiles:saveCopy is validated with in the main process, so every
 * problem is listed at once, each links to its field, and nothing is sent until all are put right.
 */
import { useEffect, useState } from 'react';
import { get, useForm, type FieldErrors, type Path } from 'react-hook-form';
import type { z } from 'zod';
import {
  OBLIGATION_RULES,
  type CharterProfile,
  type ObligationRule,
} from '@shared/domain/charter/profile';
import { retentionOf } from '@shared/domain/charter/retention';
import {
  profileSaveSchema,
  type ProfileDetail,
  type ProfileSave,
} from '@shared/ipc/channels/profiles';
import { call } from '../../api';
import { hrefFor, navigate } from '../../app/router';
import { setFlash, takeFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { schemaResolver, summaryOf } from '../../components/form-support';
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

/**
 * What the manager types, every box as text, at the paths the save schema reports problems at
 * (`profile.rules.R1.days`), so each error lands on its own box.
 */
interface ProfileValues {
  profile: {
    id: string;
    name: string;
    description: string;
    rules: Record<string, Record<string, string>>;
    retention: { yearsAfterExit: string; source: string };
  };
}

function valuesOf(p: CharterProfile, copying: boolean): ProfileValues {
  const rules: Record<string, Record<string, string>> = {};
  for (const rule of OBLIGATION_RULES) {
    const r = p.rules[rule] as Record<string, string | number>;
    rules[rule] = Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => k !== 'source')
        .map(([k, v]) => [k, String(v)]),
    );
  }
  const retention = retentionOf(p);
  return {
    profile: {
      id: copying ? `${p.id}-copy` : p.id,
      name: copying ? `${p.name} (provider copy)` : p.name,
      description: p.description,
      rules,
      retention: { yearsAfterExit: String(retention.yearsAfterExit), source: retention.source },
    },
  };
}

/** A number box as the schema sees it: empty or not a number fails as "must be a whole number". */
const wholeNumber = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? NaN : Number(value.trim());

/** The typed profile on top of the one it started from (what the form does not show is kept). */
function profileFrom(base: CharterProfile, v: ProfileValues['profile']): unknown {
  const rules: Record<string, Record<string, unknown>> = {};
  for (const rule of OBLIGATION_RULES) {
    const r: Record<string, unknown> = { ...base.rules[rule] };
    const typed = v.rules[rule] ?? {};
    for (const k of Object.keys(r)) {
      if (!(k in typed)) continue;
      r[k] = TEXT_KEYS.has(k) ? typed[k] : wholeNumber(typed[k]);
    }
    rules[rule] = r;
  }
  return {
    ...base,
    id: v.id,
    name: v.name,
    description: v.description,
    rules,
    retention: {
      yearsAfterExit: wholeNumber(v.retention.yearsAfterExit),
      source: v.retention.source,
    },
  };
}

/** Every box the form shows, in screen order: its path (= its name) and its control's id. */
function fieldIds(profile: CharterProfile, copying: boolean): Record<string, string> {
  const paths = [
    ...(copying ? ['profile.id'] : []),
    'profile.name',
    'profile.description',
    ...OBLIGATION_RULES.flatMap((rule) => [
      ...numberKeys(profile, rule).map((k) => `profile.rules.${rule}.${k}`),
      `profile.rules.${rule}.title`,
      `profile.rules.${rule}.promise`,
    ]),
    'profile.retention.yearsAfterExit',
    'profile.retention.source',
  ];
  return Object.fromEntries(paths.map((p) => [p, controlId(p)]));
}

/**
 * The schema's complaints in words, named for their box ("R1 days must be 1 or more"): the save
 * schema is the one the main process checks (profiles:saveCopy), so the rules are its own.
 */
const profileWords: z.core.$ZodErrorMap = (issue) => {
  const field = issue.path?.map(String).join('.') ?? '';
  return `${labelFor(field)} ${friendly(issue)}`;
};

function profileResolver(detail: ProfileDetail, copying: boolean) {
  const base = schemaResolver<ProfileValues, ProfileSave>(
    profileSaveSchema,
    (v) => ({
      basedOn: detail.id,
      ...(copying ? {} : { expectedVersion: detail.version }),
      profile: profileFrom(detail.profile, v.profile),
    }),
    [],
    profileWords,
  );
  const resolver: typeof base = async (values, context, options) => {
    const result = await base(values, context, options);
    // The id's pattern carries the schema's own message, written for files, not for people.
    const id = (result.errors as { profile?: { id?: { type?: string; message?: string } } }).profile
      ?.id;
    if (id?.type === 'invalid_format') id.message = ID_WORDS;
    return result;
  };
  return resolver;
}

const ID_WORDS = 'Id must be lower-case letters, numbers and hyphens, like acme-work-programme';

/** The first message anywhere in an error tree. */
function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const m = (node as { message?: unknown }).message;
  if (typeof m === 'string' && m) return m;
  for (const [k, v] of Object.entries(node as Record<string, unknown>))
    if (k !== 'ref') {
      const found = firstMessage(v);
      if (found) return found;
    }
  return undefined;
}

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
  const ids = fieldIds(detail.profile, copying);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ProfileValues, unknown, ProfileSave>({
    resolver: profileResolver(detail, copying),
    defaultValues: valuesOf(detail.profile, copying),
    shouldFocusError: false,
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);

  const onInvalid = (found: FieldErrors<ProfileValues>) => {
    // A problem in what the form does not show (the profile it started from) is still said.
    setGeneral(
      summaryOf(found, ids, null).length > 0
        ? null
        : `This profile cannot be saved: ${firstMessage(found) ?? 'reload it and try again'}`,
    );
    setFailed((n) => n + 1);
  };

  const onValid = async (save: ProfileSave) => {
    setGeneral(null);
    const result = await call('profiles:saveCopy', save);
    if (!result.ok) {
      const field = result.error.field;
      if (field && field in ids)
        setError(field as Path<ProfileValues>, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    onSaved(result.value);
  };

  const errorAt = (name: string) =>
    (get(errors, name) as { message?: string } | undefined)?.message;

  const field = (name: string, label: string, hint?: string, long = false) => {
    const props = {
      id: controlId(name),
      label,
      hint,
      error: errorAt(name),
      ...register(name as Path<ProfileValues>),
    };
    return long ? <Textarea {...props} rows={3} /> : <TextInput {...props} />;
  };

  return (
    <form
      onSubmit={(e) => void handleSubmit(onValid, onInvalid)(e)}
      noValidate
      aria-labelledby="edit-title"
    >
      <h2 className="heading-m" id="edit-title">
        {copying ? 'Make a provider copy' : 'Change this profile'}
      </h2>
      <p className="body">
        {copying
          ? 'Your copy starts with this profile’s promises. Change the numbers and wording, then give participants the copy’s id as their charter profile.'
          : `Saving makes version ${detail.version + 1}; it applies at once to every participant on this profile. Earlier versions are kept.`}
      </p>
      <ErrorSummary errors={summaryOf(errors, ids, general)} focusKey={failed} />
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
                error={errorAt(`profile.rules.${rule}.${k}`)}
                {...register(`profile.rules.${rule}.${k}`)}
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
          error={errorAt('profile.retention.yearsAfterExit')}
          {...register('profile.retention.yearsAfterExit')}
        />
        {field(
          'profile.retention.source',
          'Why this period (the contract clause or the law)',
          undefined,
          true,
        )}
      </fieldset>
      <button type="submit" className="button" disabled={isSubmitting}>
        {copying ? 'Save copy' : 'Save new version'}
      </button>
    </form>
  );
}

/** Plain words for the schema's complaints about a number or a text. */
function friendly(issue: {
  code: string;
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
  return 'is not valid';
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
