import { useEffect, useRef, type ReactNode } from 'react';

/** GOV.UK notification banner; a success banner takes focus so the outcome is announced. */
export function NotificationBanner({
  title,
  success = false,
  children,
}: {
  title: string;
  success?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success]);
  return (
    <div
      className={`notification-banner${success ? ' notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="notification-banner-title"
      tabIndex={-1}
      ref={ref}
    >
      <div className="notification-banner__header">
        <h2 className="notification-banner__title" id="notification-banner-title">
          {title}
        </h2>
      </div>
      <div className="notification-banner__content">{children}</div>
    </div>
  );
}
