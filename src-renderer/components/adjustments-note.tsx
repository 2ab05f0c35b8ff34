/**
 * A participant's reasonable adjustments and communication needs, shown wherever the adviser
 * meets them (their page, the agenda, the week, the meeting logger, the booking page), so a
 * need recorded once is in front of whoever sees the participant next.
 */
export function AdjustmentsNote({
  adjustments,
  needs = [],
  headingLevel = 3,
  id,
}: {
  adjustments: string | null | undefined;
  needs?: string[];
  headingLevel?: 2 | 3 | 4;
  /** For aria-labelledby when several notes are on one screen. */
  id?: string;
}) {
  const text = adjustments?.trim() ?? '';
  if (!text && needs.length === 0) return null;
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const headingId = id ?? undefined;
  return (
    <div className="adjustments-note" role="note" aria-labelledby={headingId}>
      <Heading className="heading-s" id={headingId}>
        Adjustments
      </Heading>
      {text && <p className="body">{text}</p>}
      {needs.length > 0 && (
        <ul className="list list--bullet">
          {needs.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
