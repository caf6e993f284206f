// Who may act on what, enforced in the service as well as at the gateway (ARCHITECTURE §6): an
// officer only inside their jurisdiction (or below it), an institution or enterprise user only on
// its own records.
import { JurisdictionCode } from '@jineng/kernel';
import type { Principal, Role } from '@jineng/messaging';
import { ForeignJurisdiction, ForeignParty, RoleNotAllowed } from './access.errors';

/** Roles that act for a jurisdiction rather than for one party. */
const JURISDICTION_ROLES: readonly Role[] = [
  'county_officer',
  'city_approver',
  'finance_officer',
  'auditor',
  'admin',
];

export const OFFICERS: readonly Role[] = ['county_officer', 'city_approver', 'admin'];
/** officers and auditors: who may read the registry's records of a jurisdiction */
export const READERS: readonly Role[] = [...OFFICERS, 'auditor'];

export interface Target {
  /** the record's jurisdiction */
  readonly jurisdiction: string;
  readonly institutionId?: string;
  readonly enterpriseId?: string;
}

/** Throws REGISTRY.ROLE_NOT_ALLOWED, FOREIGN_JURISDICTION or FOREIGN_PARTY (all 403). */
export function authorize(principal: Principal, roles: readonly Role[], target: Target): void {
  const granted = principal.roles.filter((role) => roles.includes(role));
  if (granted.length === 0) throw new RoleNotAllowed({ allowed: [...roles], roles: [...principal.roles] });
  if (granted.some((role) => JURISDICTION_ROLES.includes(role)) && isWithin(target.jurisdiction, principal)) {
    return;
  }
  if (granted.includes('institution') && target.institutionId !== undefined) {
    if (sameId(target.institutionId, principal.institutionId)) return;
    if (!granted.some((role) => JURISDICTION_ROLES.includes(role)))
      throw new ForeignParty({ kind: 'institution', target: target.institutionId });
  }
  if (granted.includes('enterprise') && target.enterpriseId !== undefined) {
    if (sameId(target.enterpriseId, principal.enterpriseId)) return;
    if (!granted.some((role) => JURISDICTION_ROLES.includes(role)))
      throw new ForeignParty({ kind: 'enterprise', target: target.enterpriseId });
  }
  if (granted.some((role) => JURISDICTION_ROLES.includes(role))) {
    throw new ForeignJurisdiction({ target: target.jurisdiction, own: principal.jurisdiction });
  }
  throw new ForeignParty({
    kind: granted.includes('enterprise') ? 'enterprise' : 'institution',
    target: target.institutionId ?? target.enterpriseId ?? target.jurisdiction,
  });
}

/** For listings: the jurisdiction asked for (default the caller's), which must be within the caller's. */
export function scopeOf(principal: Principal, roles: readonly Role[], asked: string | undefined): string {
  const jurisdiction = asked ?? principal.jurisdiction;
  authorize(principal, roles, { jurisdiction });
  return jurisdiction;
}

/** True when the caller acts only as an institution or enterprise (no jurisdiction role). */
export function actsOnlyAsParty(roles: readonly string[]): boolean {
  return !roles.some((role) => (JURISDICTION_ROLES as readonly string[]).includes(role));
}

function isWithin(target: string, principal: Principal): boolean {
  const record = JurisdictionCode.parse(target);
  const own = JurisdictionCode.parse(principal.jurisdiction);
  return record.ok && own.ok && record.value.isWithin(own.value);
}

const sameId = (a: string, b: string | undefined): boolean =>
  b !== undefined && a.toLowerCase() === b.toLowerCase();
