// The service side of a command or query: check the envelope the gateway built before trusting it,
// and turn it into the metadata a decider's command carries (ARCHITECTURE §2).
import { validateContract } from '@jineng/contracts';
import type { CommandMetadata } from '@jineng/ddd';
import { isPrincipalRole, type Envelope, type RpcRequest } from '../envelope';
import { InvalidRpcPayload, InvalidRpcRequest } from './rpc-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JURISDICTION = /^\d{6}$/;

/**
 * Throws `InvalidRpcRequest` (validation, 400 at the gateway) naming the first bad envelope field,
 * or, given the payload's contract (`jineng.registry.v1.RegisterWorker`), `InvalidRpcPayload` with
 * every field that breaks it: the gateway checked already, a service checks again (ARCHITECTURE §5).
 */
export function parseRpcRequest<Payload = unknown>(
  data: unknown,
  options: { payloadContract?: string } = {},
): RpcRequest<Payload> {
  const request = objectAt(data, 'request');
  const envelope = objectAt(request.envelope, 'envelope');
  const principal = objectAt(envelope.principal, 'envelope.principal');
  check(nonEmpty(principal.userId), 'envelope.principal.userId', 'a non-empty string');
  check(
    Array.isArray(principal.roles) && principal.roles.length > 0 && principal.roles.every(isPrincipalRole),
    'envelope.principal.roles',
    'a non-empty list of known roles',
  );
  check(
    typeof principal.jurisdiction === 'string' && JURISDICTION.test(principal.jurisdiction),
    'envelope.principal.jurisdiction',
    'a 6-digit jurisdiction code',
  );
  for (const key of ['institutionId', 'enterpriseId'] as const) {
    check(principal[key] === undefined || isUuid(principal[key]), `envelope.principal.${key}`, 'a UUID');
  }
  check(nonEmpty(envelope.correlationId), 'envelope.correlationId', 'a non-empty string');
  check(envelope.commandId === undefined || isUuid(envelope.commandId), 'envelope.commandId', 'a UUID');
  check(
    envelope.causationId === undefined || nonEmpty(envelope.causationId),
    'envelope.causationId',
    'a non-empty string',
  );
  check(
    typeof envelope.sentAt === 'string' && !Number.isNaN(Date.parse(envelope.sentAt)),
    'envelope.sentAt',
    'an ISO 8601 timestamp',
  );
  check(request.payload !== undefined, 'payload', 'present');
  if (options.payloadContract) {
    const result = validateContract<Payload>(options.payloadContract, request.payload);
    if (!result.ok)
      throw new InvalidRpcPayload({
        contract: options.payloadContract,
        violations: result.violations.map((v) => ({ path: v.path, reason: v.reason, reasonEn: v.reasonEn })),
      });
  }
  return { envelope: envelope as unknown as Envelope, payload: request.payload as Payload };
}

/**
 * The command metadata of a request: the principal acts, in its jurisdiction unless the command
 * names another one it is allowed to act in (the gateway checked that), at `now`.
 */
export function commandMetadataOf(
  envelope: Envelope,
  now: Date,
  jurisdiction: string = envelope.principal.jurisdiction,
): CommandMetadata {
  if (!envelope.commandId) throw new InvalidRpcRequest({ field: 'envelope.commandId', expected: 'a UUID' });
  return {
    commandId: envelope.commandId,
    actor: {
      userId: envelope.principal.userId,
      roles: [...envelope.principal.roles],
      ...(envelope.principal.institutionId ? { institutionId: envelope.principal.institutionId } : {}),
    },
    jurisdiction,
    now: now.toISOString(),
    correlationId: envelope.correlationId,
    ...(envelope.causationId ? { causationId: envelope.causationId } : {}),
  };
}

function check(ok: boolean, field: string, expected: string): void {
  if (!ok) throw new InvalidRpcRequest({ field, expected });
}

function objectAt(value: unknown, field: string): Record<string, unknown> {
  check(typeof value === 'object' && value !== null && !Array.isArray(value), field, 'an object');
  return value as Record<string, unknown>;
}

const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const isUuid = (value: unknown): boolean => typeof value === 'string' && UUID.test(value);
