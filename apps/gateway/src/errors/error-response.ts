// Every error the gateway answers with, in one shape and mapped to HTTP in one place (ARCHITECTURE §5):
//   { code, category?, message (zh), messageEn, details?, violations?, correlationId }
// Domain errors keep their code, category and messages; the rest become stable GATEWAY.* codes, and
// nothing unexpected (a stack, a driver message) reaches the client.
import { httpStatusOf, isDomainError, type DomainErrorCategory, type ReadonlyJsonObject } from '@jineng/ddd';
import { RemoteServiceError, RpcTimeoutError } from '@jineng/messaging';
import { HttpException } from '@nestjs/common';
import { GatewayError, GatewayErrors, type Violation } from './gateway-error';

export interface ErrorResponseBody {
  readonly code: string;
  readonly category?: DomainErrorCategory;
  /** Chinese, the product's language */
  readonly message: string;
  readonly messageEn: string;
  readonly details?: ReadonlyJsonObject;
  readonly violations?: readonly Violation[];
  readonly correlationId: string;
}

export interface ErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorResponseBody;
  /** an error nobody anticipated: to be logged with its stack, as it was hidden from the client */
  readonly unexpected: boolean;
}

export interface ErrorContext {
  readonly correlationId: string;
  readonly method: string;
  /** the request path without its query */
  readonly path: string;
}

export function errorResponseOf(
  error: unknown,
  { correlationId, method, path }: ErrorContext,
): ErrorResponse {
  if (isDomainError(error)) {
    return {
      status: httpStatusOf(error.category),
      headers: retryAfterOf(error.category, error.details),
      body: {
        code: error.code,
        category: error.category,
        message: error.messageZh,
        messageEn: error.messageEn,
        ...(Object.keys(error.details).length > 0 ? { details: error.details } : {}),
        correlationId,
      },
      unexpected: false,
    };
  }
  const known = asGatewayError(error, method, path);
  const gatewayError = known ?? GatewayErrors.internal();
  return {
    status: gatewayError.status,
    headers: gatewayError.headers,
    body: {
      code: gatewayError.code,
      ...(gatewayError.category ? { category: gatewayError.category } : {}),
      message: gatewayError.messageZh,
      messageEn: gatewayError.messageEn,
      ...(gatewayError.details ? { details: gatewayError.details } : {}),
      ...(gatewayError.violations ? { violations: gatewayError.violations } : {}),
      correlationId,
    },
    unexpected: known === undefined,
  };
}

function asGatewayError(error: unknown, method: string, path: string): GatewayError | undefined {
  if (error instanceof GatewayError) return error;
  if (error instanceof RpcTimeoutError) {
    const { service, operation } = operationOf(error.subject);
    return GatewayErrors.serviceTimeout(
      service,
      operation,
      error.timeoutMs,
      error.reason === 'no_responders',
    );
  }
  if (error instanceof RemoteServiceError) {
    if (isBrokerUnreachable(error.remote)) return GatewayErrors.messagingUnavailable();
    const { service, operation } = operationOf(error.subject);
    return GatewayErrors.serviceFailure(service, operation);
  }
  // Nest's own: a path outside /api/v1 that no controller serves
  if (error instanceof HttpException && error.getStatus() === 404)
    return GatewayErrors.routeNotFound(method, path);
  return undefined;
}

/**
 * A service that refuses for being busy (`rate_limited`, 429) may say when to come back, as
 * `details.retryAfterSeconds`: it becomes the standard `Retry-After` header.
 */
function retryAfterOf(
  category: DomainErrorCategory,
  details: ReadonlyJsonObject,
): Readonly<Record<string, string>> {
  const seconds = details.retryAfterSeconds;
  return category === 'rate_limited' && typeof seconds === 'number' && seconds > 0
    ? { 'Retry-After': String(Math.ceil(seconds)) }
    : {};
}

/** `jineng.cmd.class-ops.OpenClass` → service `class-ops`, operation `OpenClass` */
function operationOf(subject: string): { service: string; operation: string } {
  const [, , service = 'unknown', operation = 'unknown'] = subject.split('.');
  return { service, operation };
}

// Failures of the gateway's own NATS connection (refused, closed, lost) rather than of the service.
function isBrokerUnreachable(remote: unknown): boolean {
  if (remote instanceof Error)
    return /^(ConnectionError|ClosedConnectionError|DrainingConnectionError)$/.test(remote.name);
  return typeof remote === 'string' && /connection (lost|closed)/i.test(remote);
}
