// Who may act on a class (ARCHITECTURE §6), checked by the service on the record itself: an
// institution user on its own institution's classes only, an officer inside their jurisdiction (or
// below it) only.
import { defineDomainError } from '@jineng/ddd';
import { JurisdictionCode } from '@jineng/kernel';
import type { Principal, Role } from '@jineng/messaging';

export const OFFICERS: readonly Role[] = ['county_officer', 'city_approver', 'admin'];

export class ClassAccessDenied extends defineDomainError<{ reason: string; roles: string[] }>({
  code: 'CLASS.ACCESS_DENIED',
  category: 'forbidden',
  zh: (d) => `无权操作该培训班：${d.reason}`,
  en: (d) => `not allowed to act on this class: ${d.reason}`,
}) {}

const within = (inner: string, outer: string): boolean => {
  const a = JurisdictionCode.parse(inner);
  const b = JurisdictionCode.parse(outer);
  return a.ok && b.ok && a.value.isWithin(b.value);
};

/** The institution's own user. */
export function authorizeInstitution(principal: Principal, institutionId: string): void {
  if (!principal.roles.includes('institution'))
    throw new ClassAccessDenied({ reason: 'institution users only', roles: [...principal.roles] });
  if (principal.institutionId?.toLowerCase() !== institutionId.toLowerCase())
    throw new ClassAccessDenied({
      reason: `not a user of institution ${institutionId}`,
      roles: [...principal.roles],
    });
}

/** An officer of the class's jurisdiction or one above it. */
export function authorizeOfficer(principal: Principal, jurisdiction: string): void {
  if (!principal.roles.some((role) => OFFICERS.includes(role)))
    throw new ClassAccessDenied({ reason: 'officers only', roles: [...principal.roles] });
  if (!within(jurisdiction, principal.jurisdiction))
    throw new ClassAccessDenied({
      reason: `jurisdiction ${jurisdiction} is outside ${principal.jurisdiction}`,
      roles: [...principal.roles],
    });
}

/** The institution's user, or an officer of the jurisdiction. */
export function authorizeInstitutionOrOfficer(
  principal: Principal,
  target: { institutionId: string; jurisdiction: string },
): void {
  if (principal.roles.includes('institution')) return authorizeInstitution(principal, target.institutionId);
  authorizeOfficer(principal, target.jurisdiction);
}

/** Who may read a class: its institution's users, officers and auditors of its jurisdiction or above. */
export function authorizeReader(
  principal: Principal,
  target: { institutionId: string; jurisdictionCode: string },
): void {
  if (
    principal.roles.includes('institution') &&
    principal.institutionId?.toLowerCase() === target.institutionId.toLowerCase()
  )
    return;
  if (!principal.roles.some((role) => [...OFFICERS, 'auditor'].includes(role)))
    throw new ClassAccessDenied({
      reason: 'the class’s institution, officers and auditors only',
      roles: [...principal.roles],
    });
  if (!within(target.jurisdictionCode, principal.jurisdiction))
    throw new ClassAccessDenied({
      reason: `jurisdiction ${target.jurisdictionCode} is outside ${principal.jurisdiction}`,
      roles: [...principal.roles],
    });
}
