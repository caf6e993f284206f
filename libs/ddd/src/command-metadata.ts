// What every command carries besides its data: who, where, when, and ids that tie effects to causes.
// Time comes in here (`now`), never from a clock inside domain code (ARCHITECTURE §2).
import { InvalidCommandMetadata } from './command.errors';

export interface Actor {
  readonly userId: string;
  readonly roles: readonly string[];
  /** set when the actor acts for a training institution */
  readonly institutionId?: string;
}

export interface CommandMetadata {
  /**
   * a UUID: derived from (user, command, idempotency key) by the gateway, from the causing event by
   * a service (command-ids.ts); a repeat with the same request is idempotent, with another refused
   */
  readonly commandId: string;
  readonly actor: Actor;
  /** 6-digit administrative division code the command acts in */
  readonly jurisdiction: string;
  /** ISO 8601 timestamp with a time zone: the business time of the command */
  readonly now: string;
  readonly correlationId: string;
  /** the message that caused this command; defaults to the command itself on its events */
  readonly causationId?: string;
  /**
   * sha256 (hex) of the canonical JSON of the request that asked for this command (the runner sets
   * it from the request's payload); default: of the command's data. Part of what the command id did.
   */
  readonly requestDigest?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JURISDICTION = /^\d{6}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** Throws `InvalidCommandMetadata` (validation) naming the first bad field. */
export function assertCommandMetadata(value: unknown): asserts value is CommandMetadata {
  const metadata = objectAt(value, 'metadata');
  check(isString(metadata.commandId) && UUID.test(metadata.commandId), 'metadata.commandId', 'a UUID');
  const actor = objectAt(metadata.actor, 'metadata.actor');
  check(isNonEmptyString(actor.userId), 'metadata.actor.userId', 'a non-empty string');
  check(
    Array.isArray(actor.roles) && actor.roles.every(isNonEmptyString),
    'metadata.actor.roles',
    'an array of non-empty strings',
  );
  check(
    actor.institutionId === undefined || isNonEmptyString(actor.institutionId),
    'metadata.actor.institutionId',
    'a non-empty string',
  );
  check(
    isString(metadata.jurisdiction) && JURISDICTION.test(metadata.jurisdiction),
    'metadata.jurisdiction',
    'a 6-digit jurisdiction code',
  );
  check(isIsoTimestamp(metadata.now), 'metadata.now', 'an ISO 8601 timestamp with a time zone');
  check(isNonEmptyString(metadata.correlationId), 'metadata.correlationId', 'a non-empty string');
  check(
    metadata.causationId === undefined || isNonEmptyString(metadata.causationId),
    'metadata.causationId',
    'a non-empty string',
  );
  check(
    metadata.requestDigest === undefined ||
      (isString(metadata.requestDigest) && SHA256_HEX.test(metadata.requestDigest)),
    'metadata.requestDigest',
    'a sha256 in lower-case hex',
  );
}

function check(ok: boolean, field: string, expected: string): void {
  if (!ok) throw new InvalidCommandMetadata({ field, expected });
}

function objectAt(value: unknown, field: string): Record<string, unknown> {
  check(typeof value === 'object' && value !== null && !Array.isArray(value), field, 'an object');
  return value as Record<string, unknown>;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNonEmptyString = (value: unknown): value is string => isString(value) && value.trim() !== '';

/** Shape and calendar: `Date.parse` alone accepts 2024-02-30. */
function isIsoTimestamp(value: unknown): boolean {
  if (!isString(value)) return false;
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}
