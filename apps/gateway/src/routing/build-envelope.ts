// The envelope every command and query carries to its service (libs/messaging envelope.ts): who asks,
// the correlation id of the user action, and for commands the id that makes a retry idempotent. The
// id derives from (user, command subject, `Idempotency-Key`): a key is its client's own, so the same
// key names the same command only for the same user and the same command, and the service refuses
// it for another request (COMMAND.ID_REUSED). Without a key every request is a command of its own.
// The RpcClient signs the envelope on its way out.
import { commandIdForRequest } from '@jineng/ddd';
import { isUuid } from '@jineng/kernel';
import type { Envelope, Principal } from '@jineng/messaging';
import { GatewayErrors } from '../errors/gateway-error';

export interface EnvelopeInput {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly kind: 'command' | 'query';
  /** the NATS subject of the command (`jineng.cmd.<service>.<Command>`) */
  readonly subject: string;
  /** the `Idempotency-Key` header */
  readonly idempotencyKey: string | readonly string[] | undefined;
  readonly now: Date;
}

export function buildEnvelope(input: EnvelopeInput): Envelope {
  const { principal, correlationId, kind, now, subject } = input;
  const base = { principal, correlationId, sentAt: now.toISOString() };
  if (kind === 'query') return base;
  const idempotencyKey = keyOf(input.idempotencyKey);
  return { ...base, commandId: commandIdForRequest({ userId: principal.userId, subject, idempotencyKey }) };
}

function keyOf(header: string | readonly string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = typeof header === 'string' ? header.trim() : undefined;
  if (key === undefined || !isUuid(key)) {
    throw GatewayErrors.invalidRequest([
      {
        path: 'Idempotency-Key',
        reason: '请求头 Idempotency-Key 应为 UUID（重试同一操作时使用同一个值）',
        reasonEn: 'the Idempotency-Key header must be a UUID (the same one when retrying an operation)',
      },
    ]);
  }
  return key.toLowerCase();
}
