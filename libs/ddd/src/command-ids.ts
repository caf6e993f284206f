// Command ids, derived so that the same request (or the same cause) is the same command, and nothing
// else is (ARCHITECTURE §3 "Command identity"). A client's idempotency key is the client's own: the id
// mixes in who sent it and to which command, so one user's key never names another user's command,
// and a key reused for another command is another id.
import { randomUUID } from 'node:crypto';
import { uuidV5 } from './event-ids';

/** Fixed forever: changing them would change every derived command id. */
const REQUEST_NAMESPACE = '5f8a3c1e-7b2d-4e9f-a6c0-1d3b5e7f9a2c';
const EVENT_CAUSE_NAMESPACE = 'b7e2d94a-3c6f-4a81-9d5e-0f2a4c6e8b13';

export interface CommandRequestKey {
  /** the authenticated user (the principal's `userId`) */
  readonly userId: string;
  /** the command's subject, `jineng.cmd.<service>.<Command>` */
  readonly subject: string;
  /** the client's `Idempotency-Key`; without one every request is a command of its own */
  readonly idempotencyKey?: string;
}

/** UUID v5 over userId ‖ subject ‖ key (length-prefixed, so no two triples share a name); else a fresh UUID. */
export function commandIdForRequest({ userId, subject, idempotencyKey }: CommandRequestKey): string {
  if (idempotencyKey === undefined) return randomUUID();
  for (const [name, value] of Object.entries({ userId, subject, idempotencyKey })) {
    if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a non-empty string`);
  }
  return uuidV5(REQUEST_NAMESPACE, [userId, subject, idempotencyKey].map(lengthPrefixed).join(''));
}

/**
 * The id of a command a service issues itself because of an event (a process manager, a scheduler's
 * tick recorded as an event): derived from the causing event's id, so a redelivered event issues
 * the same command, which then records nothing new.
 */
export function commandIdForEvent(causeEventId: string, commandType: string): string {
  if (typeof causeEventId !== 'string' || causeEventId === '')
    throw new TypeError('causeEventId must be a non-empty string');
  if (typeof commandType !== 'string' || commandType === '')
    throw new TypeError('commandType must be a non-empty string');
  return uuidV5(EVENT_CAUSE_NAMESPACE, `${lengthPrefixed(causeEventId)}${commandType}`);
}

const lengthPrefixed = (value: string): string => `${value.length}:${value}`;
