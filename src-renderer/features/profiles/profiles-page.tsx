/** The charter profiles: the shipped ones and the provider's own copies, and who may change them. */
import { useEffect, useState } from 'react';
import type { ProfileList } from '@shared/ipc/channels/profiles';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { formatDate } from '../../labels';
import '../../styles/agenda.css';

export function ProfilesPage() {
  const [list, setList] = useState<ProfileList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('profiles:list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setList(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHeading>Charter profiles</PageHeading>
      <p className="body">
        A charter profile holds a programme’s promises to participants: how many days each step may
        take and the words of each promise. Every obligation Waymark shows comes from the
        participant’s profile.
      </p>
      {problem && <p className="body">{problem}</p>}
      {!problem && !list && (
        <p className="body" role="status">
          Loading profiles…
        </p>
      )}
      {list && (
        <>
          <p className="inset-text">
            {list.canEdit
              ? 'As a manager you can copy a profile and change its numbers and wording. Open a profile to start.'
              : 'Only a manager can copy and change profiles. You can read each one.'}
          </p>
          <table className="table">
            <caption className="visually-hidden">Charter profiles</caption>
            <thead>
              <tr>
                <th scope="col" className="table__header">
                  Profile
                </th>
                <th scope="col" className="table__header">
                  Kind
                </th>
                <th scope="col" className="table__header">
                  Last saved
                </th>
              </tr>
            </thead>
            <tbody>
              {list.profiles.map((p) => (
                <tr key={p.id}>
                  <td className="table__cell">
                    <a className="link" href={hrefFor({ name: 'profile', id: p.id })}>
                      {p.name}
                    </a>
                    <span className="table__secondary"> {p.id}</span>
                  </td>
                  <td className="table__cell">
                    {p.kind === 'shipped'
                      ? 'Shipped with Waymark'
                      : `Provider’s copy of ${p.basedOn ?? ''}, version ${p.version}`}
                  </td>
                  <td className="table__cell">
                    {p.savedAt ? `${formatDate(p.savedAt)} by ${p.savedBy ?? ''}` : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
