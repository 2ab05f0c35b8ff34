import { useEffect, useRef, type ReactNode } from 'react';

// Until the adviser has pressed a key or pointed, the document start keeps focus, so the first
// Tab reaches the skip link (as on a freshly loaded page).
let interacted = false;
if (typeof window !== 'undefined') {
  const mark = () => {
    interacted = true;
  };
  window.addEventListener('keydown', mark, { capture: true, once: true });
  window.addEventListener('pointerdown', mark, { capture: true, once: true });
}

/**
 * The page's h1. It takes focus when the page appears after the adviser did something, so screen
 * reader and keyboard users start at the top of the new content (GOV.UK single-page guidance).
 * Pass focusOnMount={false} when something else (a success banner) should be announced instead;
 * an `id` lets a page send focus back to it when what had focus goes away.
 */
export function PageHeading({
  children,
  caption,
  focusOnMount = true,
  id,
}: {
  children: ReactNode;
  caption?: string;
  focusOnMount?: boolean;
  id?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount && interacted) ref.current?.focus();
    // Only when the page first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <h1 className="heading-l" id={id} tabIndex={-1} ref={ref}>
      {caption && <span className="caption-l">{caption}</span>}
      {children}
    </h1>
  );
}
