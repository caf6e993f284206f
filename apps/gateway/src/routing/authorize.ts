// Authorization at the edge (ARCHITECTURE §6): the caller must hold one of the route's roles, the
// jurisdiction the request targets must be within the caller's, and a caller acting for an
// institution or enterprise may only name its own. Services enforce the finer ownership rules.
import { JurisdictionCode } from '@jineng/kernel';
import { ANONYMOUS_ROLE, type Principal, type Role } from '@jineng/messaging';
import { GatewayErrors } from '../errors/gateway-error';
import type { FieldLocator, RouteDefinition } from './route-definition';

/** The request's values by where they came from, after decoding and coercion. */
export interface RequestSources {
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
}

/** Roles that act for one party (themselves, their institution or enterprise) rather than a jurisdiction. */
const PARTY_ROLES: readonly Role[] = ['worker', 'institution', 'enterprise'];

/**
 * The caller's roles that grant this route (none for a public route). Throws 401 without a
 * principal, 403 GATEWAY.FORBIDDEN_ROLE without a granting role.
 */
export function authorizeRole(route: RouteDefinition, principal: Principal | undefined): readonly Role[] {
  if (route.roles === 'public') return [];
  if (!principal) throw GatewayErrors.unauthenticated('missing_token');
  const allowed = route.roles;
  const granted = principal.roles.filter((role) => allowed.includes(role));
  if (granted.length === 0) throw GatewayErrors.forbiddenRole(allowed, principal.roles);
  return granted;
}

/**
 * The jurisdiction of the anonymous principal on a public route that names none: the envelope contract
 * requires a valid code; the `anonymous` role is granted nothing anywhere, so it scopes nothing.
 */
export const ANONYMOUS_JURISDICTION = '110000';

/**
 * The principal a public route that `allowAnonymous` forwards for a caller without a token: nobody,
 * in the jurisdiction the request names (checked as a jurisdiction code here; 400 otherwise).
 */
export function anonymousPrincipal(route: RouteDefinition, sources: RequestSources): Principal {
  const locator = route.allowAnonymous!.jurisdiction;
  if (!locator) return { userId: 'anonymous', roles: [ANONYMOUS_ROLE], jurisdiction: ANONYMOUS_JURISDICTION };
  const value = locate(sources, locator);
  const code = typeof value === 'string' ? JurisdictionCode.parse(value) : undefined;
  if (!code?.ok) throw invalidField(locator, '不是有效的行政区划代码', 'is not a valid jurisdiction code');
  return { userId: 'anonymous', roles: [ANONYMOUS_ROLE], jurisdiction: code.value.value };
}

/** Throws 403 GATEWAY.FOREIGN_JURISDICTION / FOREIGN_INSTITUTION / FOREIGN_ENTERPRISE, or 400 for an unusable value. */
export function authorizeScope(
  route: RouteDefinition,
  principal: Principal | undefined,
  granted: readonly Role[],
  sources: RequestSources,
): void {
  if (!principal) return;
  if (route.jurisdiction) {
    const value = locate(sources, route.jurisdiction);
    // absent: the contract made it optional, and the service acts in the caller's own jurisdiction
    if (value !== undefined) {
      const target = typeof value === 'string' ? JurisdictionCode.parse(value) : undefined;
      if (!target?.ok)
        throw invalidField(route.jurisdiction, '不是有效的行政区划代码', 'is not a valid jurisdiction code');
      const own = JurisdictionCode.parse(principal.jurisdiction);
      if (!own.ok || !target.value.isWithin(own.value)) {
        throw GatewayErrors.foreignJurisdiction(
          target.value.value,
          principal.jurisdiction,
          route.jurisdiction.name,
        );
      }
    }
  }
  // officers are scoped by jurisdiction above; only a caller acting purely as a party is scoped to it
  if (!granted.every((role) => PARTY_ROLES.includes(role))) return;
  for (const [kind, locator, own] of [
    ['institution', route.institution, principal.institutionId],
    ['enterprise', route.enterprise, principal.enterpriseId],
  ] as const) {
    if (!locator || !granted.includes(kind)) continue;
    const value = locate(sources, locator);
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalidField(locator, '应为 UUID', 'must be a UUID');
    if (own === undefined || value.toLowerCase() !== own.toLowerCase()) {
      throw GatewayErrors.foreignOwner(kind, value, locator.name);
    }
  }
}

/** The value a locator points at; a body locator may be a dotted path into nested objects. */
export function locate(sources: RequestSources, locator: FieldLocator): unknown {
  if (locator.in !== 'body') return sources[locator.in][locator.name];
  let value: unknown = sources.body;
  for (const key of locator.name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function invalidField(locator: FieldLocator, zh: string, en: string) {
  return GatewayErrors.invalidRequest([
    { path: locator.name, reason: `${locator.name} ${zh}`, reasonEn: `${locator.name} ${en}` },
  ]);
}
