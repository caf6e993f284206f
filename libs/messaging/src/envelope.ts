// What travels with every command, query and event besides its payload (ARCHITECTURE §3, §6):
// who asks (the principal the gateway authenticated), and the ids that tie effects to causes.
// The types are the contracts' own (`jineng.common.v1.Envelope` / `Principal` in proto/).
import type { commonV1 } from '@jineng/contracts';

export type Principal = commonV1.Principal;
export type Envelope = commonV1.Envelope;
export type Role = Principal['roles'][number];

/** The roles of the product, as a list to check against at run time (the contract's allowed values). */
export const ROLES = [
  'worker',
  'institution',
  'enterprise',
  'county_officer',
  'city_approver',
  'finance_officer',
  'auditor',
  'admin',
] as const satisfies readonly Role[];

/** The body of a command or query on NATS. */
export interface RpcRequest<Payload = unknown> {
  readonly envelope: Envelope;
  readonly payload: Payload;
}

/**
 * The role of nobody: the gateway forwards a public route that `allowAnonymous` with it alone; no
 * token carries it, and no route grants it.
 */
export const ANONYMOUS_ROLE = 'anonymous' satisfies Role;

/** A role a principal on the bus may have: a product role, or the anonymous one. */
export function isPrincipalRole(value: unknown): value is Role {
  return isRole(value) || value === ANONYMOUS_ROLE;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
