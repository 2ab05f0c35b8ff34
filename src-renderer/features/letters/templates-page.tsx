/**
 * The provider's wording for the induction letter, per language: the version in use, the merge
 * fields it may use (explained), and an editor that saves a new version. Old versions stay, so
 * the letter log can always say which wording printed.
 */
import { useEffect, useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import {
  templateSaveSchema,
  type InductionTemplate,
  type TemplateLanguage,
  type TemplateSave,
  type TemplateVersion,
} from '@shared/schemas/documents';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { NotificationBanner } from '../../components/notification-banner';
import { Fieldset, Textarea, TextInput } from '../../components/fields';
import { formatInstant } from '../../labels';
import { MERGE_FIELD_HELP } from './merge-fields';
import '../../styles/letters.css';

const LANGUAGE_NAMES: Record<TemplateLanguage, string> = { en: 'English', cy: 'Welsh' };

/** 'supportIntro' → 'Support intro'. */
const labelFor = (key: string) => {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const idFor = (path: string) => `tpl-${path.replace(/\./g, '-')}`;
const isLong = (key: string, value: string) =>
  value.length > 70 || /intro|privacy|next|rearrange/i.test(key);

/** The wording as the form edits it: each bullet-point list is one text box, a line a point. */
type FormBody = {
  [K in keyof InductionTemplate]: InductionTemplate[K] extends string[]
    ? string
    : InductionTemplate[K];
};
interface Values {
  body: FormBody;
}

const toForm = (body: InductionTemplate): Values => ({
  body: Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : v]),
  ) as FormBody,
});
/** Blank lines in a list are spacing while typing, not bullet points. */
const toBody = (body: FormBody) =>
  Object.fromEntries(
    Object.entries(body).map(([k, v]) => [
      k,
      typeof v === 'string' && Array.isArray(inductionShape[k as keyof InductionTemplate])
        ? v
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean)
        : v,
    ]),
  );
/** Which fields are lists: the shipped wording has the same shape as every version. */
const inductionShape = Object.fromEntries(
  (['bring', 'expected'] as const).map((k) => [k, [] as string[]]),
) as Partial<Record<keyof InductionTemplate, string[]>>;

/** The message for a field path ('subject', 'labels.date'); a list's first problem is its box's. */
function errorAt(errors: FieldErrors<Values>, path: string): string | undefined {
  let node: unknown = errors.body;
  for (const part of path.split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (!node || typeof node !== 'object') return undefined;
  const own = (node as { message?: string }).message;
  if (own) return own;
  if (Array.isArray(node))
    return (node as ({ message?: string } | undefined)[]).find((x) => x?.message)?.message;
  return undefined;
}

export function TemplatesPage() {
  const [versions, setVersions] = useState<TemplateVersion[] | null>(null);
  const [language, setLanguage] = useState<TemplateLanguage>('en');
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [saved, setSaved] = useState<TemplateVersion | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, TemplateSave>({
    resolver: schemaResolver<Values, TemplateSave>(
      templateSaveSchema,
      (v) => ({ kind: 'induction-letter', language, body: toBody(v.body) }),
      [],
    ),
    shouldFocusError: false,
  });

  const show = (all: TemplateVersion[], lang: TemplateLanguage) => {
    setVersions(all);
    const body = all.find((v) => v.language === lang)?.body;
    if (body) reset(toForm(body));
  };
  useEffect(() => {
    let live = true;
    void call('documents:templates', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setProblem(result.error.message);
      setVersions(result.value);
      const body = result.value.find((v) => v.language === 'en')?.body;
      if (body) reset(toForm(body));
    });
    return () => {
      live = false;
    };
  }, [reset]);

  if (problem)
    return (
      <>
        <PageHeading>Letter wording not available</PageHeading>
        <p className="body">{problem}</p>
      </>
    );
  const body = versions ? getValues('body') : undefined;
  if (!versions || !body)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );

  const current = versions.find((v) => v.language === language)!;
  const paths = (Object.keys(body) as (keyof FormBody)[]).flatMap((key) => {
    const value = body[key];
    return typeof value === 'object'
      ? [key, ...Object.keys(value).map((k) => `${key}.${k}`)]
      : [key];
  });
  const ids = Object.fromEntries(paths.map((path) => [path, idFor(path)]));
  // summaryOf reads each field's message by name; the wording's names are paths in the body.
  const flat = Object.fromEntries(
    paths.flatMap((path) => {
      const message = errorAt(errors, path);
      return message ? [[path, { message }]] : [];
    }),
  );
  const errorFor = (path: string) => errorAt(errors, path);

  const onValid = async (input: TemplateSave) => {
    setSaved(null);
    setGeneral(null);
    const result = await call('documents:templateSave', input);
    if (!result.ok) {
      // The server names the field ('body.subject', 'body.labels'): the error goes beside it.
      const field = result.error.field ?? '';
      if (/^body\./.test(field))
        setError(field as 'body.subject', { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    setSaved(result.value);
    const again = await call('documents:templates', {});
    if (again.ok) show(again.value, language);
  };

  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'letters' })}>
        Back to letters
      </a>
      <ErrorSummary errors={summaryOf(flat as FieldErrors, ids, general)} focusKey={failed} />
      {saved && (
        <NotificationBanner key={`${saved.language}${saved.version}`} title="Success" success>
          <p className="notification-banner__heading">
            {LANGUAGE_NAMES[saved.language]} wording saved as version {saved.version}. New letters
            use it; letters already issued keep the wording they printed with.
          </p>
        </NotificationBanner>
      )}
      <PageHeading focusOnMount={saved === null}>Induction letter wording</PageHeading>

      <h2 className="heading-m">Versions in use</h2>
      <table className="table">
        <caption className="visually-hidden">The wording each language prints with</caption>
        <thead>
          <tr>
            <th scope="col" className="table__header">
              Language
            </th>
            <th scope="col" className="table__header">
              Version
            </th>
            <th scope="col" className="table__header">
              Saved
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.language}>
              <td className="table__cell">{LANGUAGE_NAMES[v.language]}</td>
              <td className="table__cell">
                {v.version === 0 ? '0 (as shipped with Waymark)' : v.version}
              </td>
              <td className="table__cell">
                {v.savedAt ? `${formatInstant(v.savedAt)} by ${v.savedBy ?? ''}` : 'Not changed'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="heading-m">Merge fields</h2>
      <p className="body">
        Type a merge field in double curly brackets, for example {'{{participant.preferredName}}'}.
        Each letter fills it in from the participant’s record and their booked induction.
      </p>
      <dl className="summary-list letters-merge-fields">
        {Object.entries(MERGE_FIELD_HELP).map(([field, help]) => (
          <div className="summary-list__row" key={field}>
            <dt className="summary-list__key">
              <code>{`{{${field}}}`}</code>
            </dt>
            <dd className="summary-list__value">{help}</dd>
          </div>
        ))}
      </dl>

      <h2 className="heading-m">Change the wording</h2>
      <div className="button-group" role="group" aria-label="Language to edit">
        {(['en', 'cy'] as const).map((l) => (
          <button
            key={l}
            type="button"
            className={`button${l === language ? '' : ' button--secondary'}`}
            aria-pressed={l === language}
            onClick={() => {
              setLanguage(l);
              setGeneral(null);
              const chosen = versions.find((v) => v.language === l)?.body;
              if (chosen) reset(toForm(chosen));
            }}
          >
            {LANGUAGE_NAMES[l]}
          </button>
        ))}
      </div>
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
        aria-label={`${LANGUAGE_NAMES[language]} wording`}
      >
        <p className="body">
          Editing the {LANGUAGE_NAMES[language]} wording, version {current.version}.
        </p>
        {(Object.keys(body) as (keyof FormBody)[]).map((key) => {
          const value = body[key];
          const listed = key in inductionShape;
          if (typeof value === 'string' && !listed)
            return isLong(key, value) ? (
              <Textarea
                key={key}
                id={idFor(key)}
                label={labelFor(key)}
                error={errorFor(key)}
                {...register(`body.${key}`)}
              />
            ) : (
              <TextInput
                key={key}
                id={idFor(key)}
                label={labelFor(key)}
                error={errorFor(key)}
                {...register(`body.${key}`)}
              />
            );
          if (typeof value === 'string')
            return (
              <Textarea
                key={key}
                id={idFor(key)}
                label={labelFor(key)}
                hint="One bullet point per line"
                error={errorFor(key)}
                {...register(`body.${key}`)}
              />
            );
          return (
            <Fieldset
              key={key}
              id={idFor(key)}
              legend="Labels in the meeting details"
              legendSize="s"
              error={errorFor(key)}
            >
              {Object.keys(value).map((k) => (
                <TextInput
                  key={k}
                  id={idFor(`${key}.${k}`)}
                  label={labelFor(k)}
                  error={errorFor(`${key}.${k}`)}
                  {...register(`body.labels.${k as keyof FormBody['labels']}`)}
                />
              ))}
            </Fieldset>
          );
        })}
        <button type="submit" className="button" disabled={isSubmitting}>
          Save as a new version
        </button>
      </form>
    </>
  );
}
