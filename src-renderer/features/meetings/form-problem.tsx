import type { IpcError } from '@shared/ipc/result';

/** The one problem a small inline form reports, announced when it appears. */
export function FormProblem({ problem }: { problem: Pick<IpcError, 'message'> | null }) {
  if (!problem) return null;
  return (
    <p className="error-message" role="alert">
      <span className="visually-hidden">Error:</span> {problem.message}
    </p>
  );
}
