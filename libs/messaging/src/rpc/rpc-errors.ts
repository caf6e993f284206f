// How a request can fail besides a domain error: nobody answered, or the service broke. A domain
// error thrown by the service arrives as a `ReceivedDomainError` (same code, category, messages).
import { defineDomainError } from '@jineng/ddd';

/** No answer: an unknown subject, a stopped service, or a reply that came too late. */
export class RpcTimeoutError extends Error {
  readonly code = 'MESSAGING.REQUEST_TIMEOUT';
  constructor(
    readonly subject: string,
    readonly timeoutMs: number,
    /** `no_responders`: NATS said at once that nothing listens on the subject */
    readonly reason: 'no_reply_in_time' | 'no_responders',
  ) {
    super(
      reason === 'no_responders'
        ? `no service answers ${subject} (no responders)`
        : `no answer on ${subject} within ${timeoutMs} ms`,
    );
    this.name = 'RpcTimeoutError';
  }
}

/** The service failed with something that is not a domain error (a bug, a lost database...). */
export class RemoteServiceError extends Error {
  readonly code = 'MESSAGING.REMOTE_FAILURE';
  constructor(
    readonly subject: string,
    readonly remote: unknown,
  ) {
    super(`the service behind ${subject} failed`);
    this.name = 'RemoteServiceError';
  }
}

/** A request whose envelope or payload is not what the handler accepts. */
export class InvalidRpcRequest extends defineDomainError<{ field: string; expected: string }>({
  code: 'MESSAGING.INVALID_REQUEST',
  category: 'validation',
  zh: (d) => `请求字段 ${d.field} 无效：应为${d.expected}`,
  en: (d) => `request field ${d.field} is invalid: expected ${d.expected}`,
}) {}

export interface PayloadViolation {
  readonly path: string;
  readonly reason: string;
  readonly reasonEn: string;
  readonly [key: string]: string;
}

/** A payload that breaks its contract in proto/: every bad field with its reason. */
export class InvalidRpcPayload extends defineDomainError<{
  contract: string;
  violations: PayloadViolation[];
}>({
  code: 'MESSAGING.INVALID_PAYLOAD',
  category: 'validation',
  zh: (d) =>
    `请求内容不符合 ${d.contract}：${d.violations.map((v) => `${v.path || '(根)'} ${v.reason}`).join('；')}`,
  en: (d) =>
    `the payload does not match ${d.contract}: ${d.violations.map((v) => `${v.path || '(root)'} ${v.reasonEn}`).join('; ')}`,
}) {}

/** The JSON a service replies with when it fails with something that is not a domain error. */
export const REMOTE_FAILURE_REPLY = {
  code: 'MESSAGING.REMOTE_FAILURE',
  message: '服务内部错误',
  messageEn: 'internal error in the service',
} as const;
