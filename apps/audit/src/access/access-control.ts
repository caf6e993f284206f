// Who may read the audit trail (ARCHITECTURE §6, DOMAIN §1): auditors (审计 / 纪检 / 稽核), within their
// jurisdiction and the ones below it — an event belongs to the jurisdiction its metadata names. The
// gateway checks the role too; the service checks it again, and the jurisdiction.
import { JurisdictionCode } from '@jineng/kernel';
import type { FixedCondition } from '@jineng/lists';
import type { Principal, Role } from '@jineng/messaging';
import { ForeignJurisdiction, RoleNotAllowed } from './access.errors';

export const AUDITORS: readonly Role[] = ['auditor'];

/** The jurisdiction asked for (default the caller's), which must be within the caller's. */
export function auditScope(principal: Principal, asked: string | undefined): string {
  if (!principal.roles.some((role) => AUDITORS.includes(role)))
    throw new RoleNotAllowed({ allowed: [...AUDITORS], roles: [...principal.roles] });
  const jurisdiction = asked ?? principal.jurisdiction;
  const target = JurisdictionCode.parse(jurisdiction);
  const own = JurisdictionCode.parse(principal.jurisdiction);
  if (!target.ok || !own.ok || !target.value.isWithin(own.value))
    throw new ForeignJurisdiction({ target: jurisdiction, own: principal.jurisdiction });
  return jurisdiction;
}

/** The code prefix of every jurisdiction within `code`: 140000 → 14, 140800 → 1408, 140802 → 140802. */
export function jurisdictionPrefix(code: string): string {
  const parsed = JurisdictionCode.parse(code);
  if (!parsed.ok) throw new TypeError(parsed.reason.messageEn);
  if (parsed.value.level === 'province') return code.slice(0, 2);
  if (parsed.value.level === 'city') return code.slice(0, 4);
  return code;
}

/** Events of the jurisdiction and below it (the column is the view's `jurisdiction`). */
export const eventsWithin = (jurisdiction: string): FixedCondition => ({
  filter: { sql: 'jurisdiction', op: 'prefix' },
  value: jurisdictionPrefix(jurisdiction),
});
