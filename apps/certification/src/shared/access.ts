// Who may act on what, enforced in the service as well as at the gateway (ARCHITECTURE §6): an
// officer only inside their jurisdiction (or below it), an institution only on its own classes.
import { JurisdictionCode } from '@jineng/kernel';
import type { Principal, Role } from '@jineng/messaging';
import { ForeignInstitution, ForeignJurisdiction, RoleNotAllowed } from './access.errors';

const JURISDICTION_ROLES: readonly Role[] = [
  'county_officer',
  'city_approver',
  'finance_officer',
  'auditor',
  'admin',
];

export const OFFICERS: readonly Role[] = ['county_officer', 'city_approver', 'admin'];
export const READERS: readonly Role[] = [...OFFICERS, 'auditor', 'finance_officer'];

export interface Target {
  /** the record's jurisdiction */
  readonly jurisdiction: string;
  /** the institution whose record it is, where an institution may act on it */
  readonly institutionId?: string;
}

/** Throws CERTIFICATION.ROLE_NOT_ALLOWED, FOREIGN_JURISDICTION or FOREIGN_INSTITUTION (403). */
export function authorize(principal: Principal, roles: readonly Role[], target: Target): void {
  const granted = principal.roles.filter((role) => roles.includes(role));
  if (granted.length === 0) throw new RoleNotAllowed({ allowed: [...roles], roles: [...principal.roles] });
  const asOfficer = granted.some((role) => JURISDICTION_ROLES.includes(role));
  if (asOfficer && isWithin(target.jurisdiction, principal.jurisdiction)) return;
  if (granted.includes('institution') && target.institutionId !== undefined) {
    if (sameId(target.institutionId, principal.institutionId)) return;
    if (!asOfficer) throw new ForeignInstitution({ target: target.institutionId });
  }
  if (asOfficer) throw new ForeignJurisdiction({ target: target.jurisdiction, own: principal.jurisdiction });
  throw new ForeignInstitution({ target: target.institutionId ?? target.jurisdiction });
}

export function isWithin(inner: string, outer: string): boolean {
  const record = JurisdictionCode.parse(inner);
  const own = JurisdictionCode.parse(outer);
  return record.ok && own.ok && record.value.isWithin(own.value);
}

const sameId = (a: string, b: string | undefined): boolean =>
  b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The code prefix of a jurisdiction and those below it: 140000 → 14, 140800 → 1408, 140802 → 140802. */
export function jurisdictionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** For lists: the jurisdiction asked for (default the caller's), which must be within the caller's. */
export function scopeOf(principal: Principal, roles: readonly Role[], asked: string | undefined): string {
  const jurisdiction = asked ?? principal.jurisdiction;
  authorize(principal, roles, { jurisdiction });
  return jurisdiction;
}

/** True when the caller acts only as an institution (no jurisdiction role). */
export const actsOnlyAsInstitution = (principal: Principal): boolean =>
  principal.roles.includes('institution') &&
  !principal.roles.some((role) => JURISDICTION_ROLES.includes(role));
