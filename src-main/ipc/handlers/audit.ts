import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { AuditLogService } from '../../services/audit-log';
import { verifyAuditLog } from '../../services/protection/audit-verify';

export const auditHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `audit:${string}`>> => {
  const svc = () => new AuditLogService(session.require().services.wp);
  return {
    'audit:list': (q) => svc().list(q),
    'audit:exportCsv': (q) => svc().exportCsv(q),
    'audit:verify': () => verifyAuditLog(session.require().services.wp.db),
  };
};
