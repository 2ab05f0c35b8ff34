import { forwardRef, useEffect, useId, useImperativeHandle, useRef } from 'react';

export interface SummaryError {
  /** The id of the control to move to; omitted for errors that belong to no one field. */
  targetId?: string;
  message: string;
}

/** Moves focus to a control without touching the location hash (the router owns it). */
export function focusControl(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
}

/**
 * GOV.UK error summary: an alert at the top of the form linking to each problem. Given a
 * `focusKey` (count failed submits), it takes focus after it has rendered whenever the key
 * changes, so the adviser hears the problems at once however long the answer took. The ref is
 * for callers that move focus themselves.
 */
export const ErrorSummary = forwardRef<
  HTMLDivElement | null,
  { errors: SummaryError[]; focusKey?: number }
>(function ErrorSummary({ errors, focusKey = 0 }, forwarded) {
  const ref = useRef<HTMLDivElement>(null);
  // Several small forms share a page (the meetings page, the plan editor's panels): each
  // summary's title needs its own id for aria-labelledby.
  const titleId = useId();
  useImperativeHandle<HTMLDivElement | null, HTMLDivElement | null>(
    forwarded,
    () => ref.current,
    [],
  );
  // A request to focus waits until the summary is on screen (a form library may publish its
  // errors a render after the submit that found them).
  const handled = useRef(0);
  useEffect(() => {
    if (focusKey !== handled.current && ref.current) {
      handled.current = focusKey;
      ref.current.focus();
    }
  });
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id={titleId}>
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {errors.map((e, i) => (
          <li key={`${e.targetId ?? ''}-${i}`}>
            {e.targetId ? (
              <a
                href={`#${e.targetId}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusControl(e.targetId!);
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
