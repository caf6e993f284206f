// What travels with every command, query and event besides its payload (ARCHITECTURE §3, §6):
// who asks (the principal the gateway authenticated), and the ids that tie effects to causes.
// The JSON form is `jineng.common.v1.Envelope` in proto/.

/** The roles of the product; a token may carry several. */
export const ROLES = [
  'worker',
  'institution',
  'enterprise',
  'county_officer',
  'city_approver',
  'finance_officer',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** the subject of the token */
  readonly userId: string;
  readonly roles: readonly Role[];
  /** 6-digit administrative division code the user belongs to */
  readonly jurisdiction: string;
  /** set for users who act for a training institution */
  readonly institutionId?: string;
  /** set for users who act for an enterprise */
  readonly enterpriseId?: string;
}

export interface Envelope {
  readonly principal: Principal;
  /** one id per user action, kept by every message that follows from it */
  readonly correlationId: string;
  /** commands only: chosen by the caller, repeating it is idempotent */
  readonly commandId?: string;
  /** the message that caused this one */
  readonly causationId?: string;
  /** ISO 8601 timestamp with offset, when the gateway (or a service) sent it */
  readonly sentAt: string;
}

/** The body of a command or query on NATS. */
export interface RpcRequest<Payload = unknown> {
  readonly envelope: Envelope;
  readonly payload: Payload;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
