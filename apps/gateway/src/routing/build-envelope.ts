// The envelope every command and query carries to its service (libs/messaging envelope.ts): who asks,
// the correlation id of the user action, and for commands the id that makes a retry idempotent —
// the client's `Idempotency-Key` when it sent one, so that its retry is recognised.
import { isUuid } from '@jineng/kernel';
import type { Envelope, Principal } from '@jineng/messaging';
import { GatewayErrors } from '../errors/gateway-error';

export interface EnvelopeInput {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly kind: 'command' | 'query';
  /** the `Idempotency-Key` header */
  readonly idempotencyKey: string | readonly string[] | undefined;
  readonly now: Date;
  readonly newId: () => string;
}

export function buildEnvelope(input: EnvelopeInput): Envelope {
  const { principal, correlationId, kind, now, newId } = input;
  const base = { principal, correlationId, sentAt: now.toISOString() };
  if (kind === 'query') return base;
  return { ...base, commandId: commandIdOf(input.idempotencyKey, newId) };
}

function commandIdOf(header: string | readonly string[] | undefined, newId: () => string): string {
  if (header === undefined) return newId();
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
