import { defineDomainError, domainErrorFromJson } from '@jineng/ddd';
import { RemoteServiceError, RpcTimeoutError } from '@jineng/messaging';
import { NotFoundException } from '@nestjs/common';
import { errorResponseOf } from './error-response';
import { GatewayErrors } from './gateway-error';

class TooManyTrainees extends defineDomainError<{ max: number; actual: number }>({
  code: 'CLASS.TOO_MANY_TRAINEES',
  category: 'illegal_state',
  zh: (d) => `学员人数 ${d.actual} 超过上限 ${d.max}`,
  en: (d) => `${d.actual} trainees exceed the maximum of ${d.max}`,
}) {}

const context = { correlationId: 'corr-1', method: 'POST', path: '/api/v1/classes' };

describe('errorResponseOf', () => {
  it.each([
    ['validation', 400],
    ['forbidden', 403],
    ['not_found', 404],
    ['illegal_state', 409],
    ['concurrency', 409],
    ['too_large', 413],
    ['rate_limited', 429],
  ] as const)(
    'maps a domain error of category %s to %i, keeping code, messages and details',
    (category, status) => {
      const error = domainErrorFromJson({
        code: 'X.RULE',
        category,
        message: '中文',
        messageEn: 'English',
        details: { a: 1 },
      });
      expect(errorResponseOf(error, context)).toEqual({
        status,
        headers: {},
        body: {
          code: 'X.RULE',
          category,
          message: '中文',
          messageEn: 'English',
          details: { a: 1 },
          correlationId: 'corr-1',
        },
        unexpected: false,
      });
    },
  );

  it("turns a busy service's retryAfterSeconds into Retry-After", () => {
    const busy = domainErrorFromJson({
      code: 'ROSTER.TOO_MANY_IMPORTS',
      category: 'rate_limited',
      message: '中文',
      messageEn: 'English',
      details: { limit: 1, retryAfterSeconds: 29.2 },
    });
    expect(errorResponseOf(busy, context)).toMatchObject({ status: 429, headers: { 'Retry-After': '30' } });
    const large = domainErrorFromJson({ ...busy.toJSON(), category: 'too_large' });
    expect(errorResponseOf(large, context)).toMatchObject({ status: 413, headers: {} });
  });

  it('maps a domain error thrown in the gateway the same way', () => {
    const answer = errorResponseOf(new TooManyTrainees({ max: 50, actual: 53 }), context);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      code: 'CLASS.TOO_MANY_TRAINEES',
      message: '学员人数 53 超过上限 50',
    });
  });

  it('answers gateway errors with their status, headers, category and violations', () => {
    const violations = [{ path: 'headcount', reason: '应为整数', reasonEn: 'must be an integer' }];
    expect(errorResponseOf(GatewayErrors.invalidRequest(violations), context)).toMatchObject({
      status: 400,
      body: { code: 'GATEWAY.INVALID_REQUEST', category: 'validation', violations, correlationId: 'corr-1' },
    });
    const unauthenticated = errorResponseOf(GatewayErrors.unauthenticated('token_expired'), context);
    expect(unauthenticated).toMatchObject({
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="token_expired"' },
      body: {
        code: 'GATEWAY.UNAUTHENTICATED',
        details: { reason: 'token_expired' },
        messageEn: 'authentication failed: the access token has expired',
      },
    });
    expect(unauthenticated.body).not.toHaveProperty('category');
  });

  it('maps an RPC timeout to 504 and says which service did not answer', () => {
    const late = errorResponseOf(
      new RpcTimeoutError('jineng.cmd.class-ops.OpenClass', 5000, 'no_reply_in_time'),
      context,
    );
    expect(late).toMatchObject({
      status: 504,
      body: {
        code: 'GATEWAY.SERVICE_TIMEOUT',
        details: {
          service: 'class-ops',
          operation: 'OpenClass',
          timeoutMs: 5000,
          reason: 'no_reply_in_time',
        },
      },
      unexpected: false,
    });
    const nobody = errorResponseOf(
      new RpcTimeoutError('jineng.qry.registry.GetWorker', 5000, 'no_responders'),
      context,
    );
    expect(nobody.status).toBe(504);
    expect(nobody.body.messageEn).toBe(
      'the registry service is not available (nothing answers GetWorker); retry later',
    );
  });

  it("maps a service's non-domain failure to 502, and the gateway's lost broker connection to 503", () => {
    const failed = errorResponseOf(
      new RemoteServiceError('jineng.cmd.subsidy.SubmitClaim', { code: 'MESSAGING.REMOTE_FAILURE' }),
      context,
    );
    expect(failed).toMatchObject({
      status: 502,
      body: { code: 'GATEWAY.SERVICE_FAILURE', details: { service: 'subsidy', operation: 'SubmitClaim' } },
    });
    const refused = Object.assign(new Error('connection refused'), { name: 'ConnectionError' });
    expect(
      errorResponseOf(new RemoteServiceError('jineng.cmd.subsidy.SubmitClaim', refused), context),
    ).toMatchObject({
      status: 503,
      body: { code: 'GATEWAY.MESSAGING_UNAVAILABLE' },
    });
  });

  it("maps Nest's 404 for paths outside /api/v1 to GATEWAY.ROUTE_NOT_FOUND", () => {
    expect(
      errorResponseOf(new NotFoundException(), { ...context, method: 'GET', path: '/nope' }),
    ).toMatchObject({
      status: 404,
      body: { code: 'GATEWAY.ROUTE_NOT_FOUND', messageEn: 'no such endpoint: GET /nope' },
    });
  });

  it('answers anything else with a bare 500 that leaks nothing, flagged for the log', () => {
    const answer = errorResponseOf(
      new TypeError("Cannot read properties of undefined (reading 'secret')"),
      context,
    );
    expect(answer).toEqual({
      status: 500,
      headers: {},
      body: {
        code: 'GATEWAY.INTERNAL_ERROR',
        message: '网关内部错误',
        messageEn: 'internal error in the gateway',
        correlationId: 'corr-1',
      },
      unexpected: true,
    });
  });
});
