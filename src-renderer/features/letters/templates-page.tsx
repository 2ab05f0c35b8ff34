/**
 * The provider's wording for the induction letter, per language: the version in use, the merge
 * fields it may use (explained), and an editor that saves a new version. Old versions stay, so
 * the letter log can always say which wording printed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type {
  InductionTemplate,
  TemplateLanguage,
  TemplateVersion,
} from '@shared/schemas/documents';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
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

export function TemplatesPage() {
  const [versions, setVersions] = useState<TemplateVersion[] | null>(null);
  const [language, setLanguage] = useState<TemplateLanguage>('en');
  const [body, setBody] = useState<InductionTemplate | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [fieldError, setFieldError] = useState<{ path: string; message: string } | null>(null);
  const [failed, setFailed] = useState(0);
  const [saved, setSaved] = useState<TemplateVersion | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = async (lang: TemplateLanguage) => {
    const result = await call('documents:templates', {});
    if (!result.ok) return setProblem(result.error.message);
    setVersions(result.value);
    setBody(result.value.find((v) => v.language === lang)?.body ?? null);
  };
  useEffect(() => {
    let live = true;
    void call('documents:templates', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setProblem(result.error.message);
      setVersions(result.value);
      setBody(result.value.find((v) => v.language === 'en')?.body ?? null);
    });
    return () => {
      live = false;
    };
  }, []);

  if (problem)
    return (
      <>
        <PageHeading>Letter wording not available</PageHeading>
        <p className="body">{problem}</p>
      </>
    );
  if (!versions || !body)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );

  const current = versions.find((v) => v.language === language)!;
  const set = (key: keyof InductionTemplate, value: unknown) =>
    setBody({ ...body, [key]: value } as InductionTemplate);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    // Blank lines in a list are spacing while typing, not bullet points.
    const tidy = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.map((x: string) => x.trim()).filter(Boolean) : v,
      ]),
    ) as InductionTemplate;
    const result = await call('documents:templateSave', {
      kind: 'induction-letter',
      language,
      body: tidy,
    });
    if (!result.ok) {
      const path = (result.error.field ?? 'body.subject').replace(/^body\./, '');
      // A list entry's error belongs to the list's one text box.
      const target = path.replace(/\.\d+$/, '');
      setFieldError({ path: target, message: result.error.message });
      setErrors([{ targetId: idFor(target), message: result.error.message }]);
      return setFailed((n) => n + 1);
    }
    setErrors([]);
    setFieldError(null);
    setSaved(result.value);
    await load(language);
  };

  const errorFor = (path: string) => (fieldError?.path === path ? fieldError.message : undefined);

  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'letters' })}>
        Back to letters
      </a>
      <ErrorSummary errors={errors} focusKey={failed} />
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
              setFieldError(null);
              setErrors([]);
              setBody(versions.find((v) => v.language === l)?.body ?? null);
            }}
          >
            {LANGUAGE_NAMES[l]}
          </button>
        ))}
      </div>
      <form
        noValidate
        onSubmit={(e) => void save(e)}
        aria-label={`${LANGUAGE_NAMES[language]} wording`}
      >
        <p className="body">
          Editing the {LANGUAGE_NAMES[language]} wording, version {current.version}.
        </p>
        {(Object.keys(body) as (keyof InductionTemplate)[]).map((key) => {
          const value = body[key];
          if (typeof value === 'string')
            return isLong(key, value) ? (
              <Textarea
                key={key}
                id={idFor(key)}
                label={labelFor(key)}
                error={errorFor(key)}
                value={value}
                onChange={(e) => set(key, e.target.value)}
              />
            ) : (
              <TextInput
                key={key}
                id={idFor(key)}
                label={labelFor(key)}
                error={errorFor(key)}
                value={value}
                onChange={(e) => set(key, e.target.value)}
              />
            );
          if (Array.isArray(value))
            return (
              <Textarea
                key={key}
                id={idFor(key)}
                label={labelFor(key)}
                hint="One bullet point per line"
                error={errorFor(key)}
                value={value.join('\n')}
                onChange={(e) => set(key, e.target.value.split('\n'))}
              />
            );
          return (
            <Fieldset
              key={key}
              id={idFor(key)}
              legend="Labels in the meeting details"
              legendSize="s"
            >
              {(Object.entries(value) as [string, string][]).map(([k, v]) => (
                <TextInput
                  key={k}
                  id={idFor(`${key}.${k}`)}
                  label={labelFor(k)}
                  error={errorFor(`${key}.${k}`)}
                  value={v}
                  onChange={(e) => set(key, { ...value, [k]: e.target.value })}
                />
              ))}
            </Fieldset>
          );
        })}
        <button type="submit" className="button">
          Save as a new version
        </button>
      </form>
    </>
  );
}
