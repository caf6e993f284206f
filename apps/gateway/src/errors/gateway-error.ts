// The errors the gateway itself answers with, before or instead of a service: stable codes, the
// HTTP status they map to, and messages in Chinese and English (ARCHITECTURE §5).
import type { DomainErrorCategory, ReadonlyJsonObject } from '@jineng/ddd';

/** One rejected field of a request. `path` names the field in the request payload (e.g. `trainees[2].name`). */
export interface Violation {
  readonly path: string;
  readonly reason: string;
  readonly reasonEn: string;
}

export interface GatewayErrorFields {
  readonly status: number;
  readonly code: string;
  readonly category?: DomainErrorCategory;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details?: ReadonlyJsonObject;
  readonly violations?: readonly Violation[];
  /** e.g. `WWW-Authenticate` on a 401, `Allow` on a 405 */
  readonly headers?: Readonly<Record<string, string>>;
}

export class GatewayError extends Error {
  readonly status: number;
  readonly code: string;
  readonly category?: DomainErrorCategory;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details?: ReadonlyJsonObject;
  readonly violations?: readonly Violation[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(fields: GatewayErrorFields) {
    super(fields.messageEn);
    this.name = 'GatewayError';
    this.status = fields.status;
    this.code = fields.code;
    this.category = fields.category;
    this.messageZh = fields.messageZh;
    this.messageEn = fields.messageEn;
    this.details = fields.details;
    this.violations = fields.violations;
    this.headers = fields.headers ?? {};
  }
}

/** Why a request was not authenticated; `details.reason` of GATEWAY.UNAUTHENTICATED. */
export type AuthenticationFailure =
  | 'missing_token'
  | 'malformed_authorization'
  | 'malformed_token'
  | 'bad_signature'
  | 'unknown_key'
  | 'algorithm_not_allowed'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'invalid_claim'
  | 'no_issuer_configured';

const AUTHENTICATION_FAILURES: Readonly<Record<AuthenticationFailure, readonly [zh: string, en: string]>> = {
  missing_token: [
    '缺少访问令牌（Authorization: Bearer <token>）',
    'no access token (Authorization: Bearer <token>)',
  ],
  malformed_authorization: [
    'Authorization 请求头应为 "Bearer <token>"',
    'the Authorization header must be "Bearer <token>"',
  ],
  malformed_token: ['访问令牌格式无效', 'the access token is malformed'],
  bad_signature: ['访问令牌签名无效', 'the access token signature is invalid'],
  unknown_key: ['访问令牌的签名密钥未知', 'the access token is signed with an unknown key'],
  algorithm_not_allowed: ['访问令牌的签名算法不被接受', 'the access token signing algorithm is not accepted'],
  token_expired: ['访问令牌已过期', 'the access token has expired'],
  token_not_yet_valid: ['访问令牌尚未生效', 'the access token is not valid yet'],
  wrong_issuer: ['访问令牌的签发方不被信任', 'the access token issuer is not trusted'],
  wrong_audience: ['访问令牌不是签发给本平台的', 'the access token is not meant for this platform'],
  invalid_claim: ['访问令牌的声明无效', 'a claim of the access token is invalid'],
  no_issuer_configured: ['网关未配置令牌签发方，无法验证身份', 'the gateway has no token issuer configured'],
};

export const GatewayErrors = {
  unauthenticated(
    reason: AuthenticationFailure,
    claim?: { name: string; zh: string; en: string },
  ): GatewayError {
    const [zh, en] = AUTHENTICATION_FAILURES[reason];
    return new GatewayError({
      status: 401,
      code: 'GATEWAY.UNAUTHENTICATED',
      messageZh: `身份验证失败：${zh}${claim ? `：${claim.zh}` : ''}`,
      messageEn: `authentication failed: ${en}${claim ? `: ${claim.en}` : ''}`,
      details: claim ? { reason, claim: claim.name } : { reason },
      headers: {
        'WWW-Authenticate':
          reason === 'missing_token'
            ? 'Bearer'
            : `Bearer error="invalid_token", error_description="${reason}"`,
      },
    });
  },

  /** The issuer's keys could not be fetched: not the caller's fault, try again later. */
  authenticationUnavailable(): GatewayError {
    return new GatewayError({
      status: 503,
      code: 'GATEWAY.AUTHENTICATION_UNAVAILABLE',
      messageZh: '暂时无法验证访问令牌（无法获取签发方公钥），请稍后重试',
      messageEn:
        "the access token cannot be verified right now (the issuer's keys are unavailable); retry later",
    });
  },

  forbiddenRole(required: readonly string[], held: readonly string[]): GatewayError {
    return new GatewayError({
      status: 403,
      code: 'GATEWAY.FORBIDDEN_ROLE',
      category: 'forbidden',
      messageZh: `无权执行此操作：需要角色 ${required.join('、')} 之一`,
      messageEn: `not allowed: this requires one of the roles ${required.join(', ')}`,
      details: { requiredRoles: [...required], roles: [...held] },
    });
  },

  foreignJurisdiction(target: string, own: string, field: string): GatewayError {
    return new GatewayError({
      status: 403,
      code: 'GATEWAY.FOREIGN_JURISDICTION',
      category: 'forbidden',
      messageZh: `无权在行政区划 ${target} 内操作：您的管辖范围是 ${own} 及其下级`,
      messageEn: `not allowed in jurisdiction ${target}: yours is ${own} and the jurisdictions below it`,
      details: { field, jurisdiction: target, principalJurisdiction: own },
    });
  },

  foreignOwner(kind: 'institution' | 'enterprise', target: string, field: string): GatewayError {
    const [code, zh, en] =
      kind === 'institution'
        ? (['GATEWAY.FOREIGN_INSTITUTION', '培训机构', 'institution'] as const)
        : (['GATEWAY.FOREIGN_ENTERPRISE', '企业', 'enterprise'] as const);
    return new GatewayError({
      status: 403,
      code,
      category: 'forbidden',
      messageZh: `无权代表${zh} ${target} 操作：只能操作本${zh}的数据`,
      messageEn: `not allowed to act for ${en} ${target}: only for your own ${en}`,
      details: { field, [`${kind}Id`]: target },
    });
  },

  routeNotFound(method: string, path: string): GatewayError {
    return new GatewayError({
      status: 404,
      code: 'GATEWAY.ROUTE_NOT_FOUND',
      category: 'not_found',
      messageZh: `接口不存在：${method} ${path}`,
      messageEn: `no such endpoint: ${method} ${path}`,
      details: { method, path },
    });
  },

  methodNotAllowed(method: string, path: string, allowed: readonly string[]): GatewayError {
    return new GatewayError({
      status: 405,
      code: 'GATEWAY.METHOD_NOT_ALLOWED',
      messageZh: `接口 ${path} 不支持 ${method} 方法，支持：${allowed.join('、')}`,
      messageEn: `${path} does not accept ${method}; it accepts ${allowed.join(', ')}`,
      details: { method, allowed: [...allowed] },
      headers: { Allow: allowed.join(', ') },
    });
  },

  invalidRequest(violations: readonly Violation[]): GatewayError {
    return new GatewayError({
      status: 400,
      code: 'GATEWAY.INVALID_REQUEST',
      category: 'validation',
      messageZh: `请求无效：${violations.length} 个字段未通过校验`,
      messageEn: `invalid request: ${violations.length} field(s) failed validation`,
      violations,
    });
  },

  malformedJson(): GatewayError {
    return new GatewayError({
      status: 400,
      code: 'GATEWAY.MALFORMED_JSON',
      category: 'validation',
      messageZh: '请求体不是有效的 JSON',
      messageEn: 'the request body is not valid JSON',
    });
  },

  unsupportedMediaType(contentType: string): GatewayError {
    return new GatewayError({
      status: 415,
      code: 'GATEWAY.UNSUPPORTED_MEDIA_TYPE',
      messageZh: '请求体应为 JSON（Content-Type: application/json）',
      messageEn: 'the request body must be JSON (Content-Type: application/json)',
      details: { contentType },
    });
  },

  payloadTooLarge(limitBytes: number): GatewayError {
    return new GatewayError({
      status: 413,
      code: 'GATEWAY.PAYLOAD_TOO_LARGE',
      messageZh: `请求体超过 ${limitBytes} 字节的上限`,
      messageEn: `the request body exceeds the limit of ${limitBytes} bytes`,
      details: { limitBytes },
    });
  },

  /** A caller past a rate limit: of one route (`route` named), or of all routes together. */
  rateLimited(limit: {
    requests: number;
    perSeconds: number;
    per: 'user' | 'client_ip';
    route?: string;
    retryAfterSeconds: number;
  }): GatewayError {
    const { requests, perSeconds, per, route, retryAfterSeconds } = limit;
    const [whoZh, whoEn] = per === 'user' ? ['每个用户', 'per user'] : ['每个客户端 IP', 'per client IP'];
    return new GatewayError({
      status: 429,
      code: 'GATEWAY.RATE_LIMITED',
      category: 'rate_limited',
      messageZh: `请求过于频繁：${route ? `接口 ${route} ` : '所有接口合计'}${whoZh}每 ${perSeconds} 秒最多 ${requests} 次，请 ${retryAfterSeconds} 秒后再试`,
      messageEn: `too many requests: at most ${requests} per ${perSeconds} s ${route ? `to ${route}` : 'to all routes together'} ${whoEn}; retry in ${retryAfterSeconds} s`,
      details: {
        scope: route ? 'route' : 'caller',
        ...(route ? { route } : {}),
        per,
        limit: requests,
        perSeconds,
        retryAfterSeconds,
      },
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  },

  serviceTimeout(service: string, operation: string, timeoutMs: number, noResponders: boolean): GatewayError {
    return new GatewayError({
      status: 504,
      code: 'GATEWAY.SERVICE_TIMEOUT',
      messageZh: noResponders
        ? `服务 ${service} 当前不可用（${operation} 无应答），请稍后重试`
        : `服务 ${service} 未在 ${timeoutMs} 毫秒内应答（${operation}），请稍后重试`,
      messageEn: noResponders
        ? `the ${service} service is not available (nothing answers ${operation}); retry later`
        : `the ${service} service did not answer ${operation} within ${timeoutMs} ms; retry later`,
      details: { service, operation, timeoutMs, reason: noResponders ? 'no_responders' : 'no_reply_in_time' },
    });
  },

  serviceFailure(service: string, operation: string): GatewayError {
    return new GatewayError({
      status: 502,
      code: 'GATEWAY.SERVICE_FAILURE',
      messageZh: `服务 ${service} 处理 ${operation} 时发生内部错误`,
      messageEn: `the ${service} service failed while handling ${operation}`,
      details: { service, operation },
    });
  },

  messagingUnavailable(): GatewayError {
    return new GatewayError({
      status: 503,
      code: 'GATEWAY.MESSAGING_UNAVAILABLE',
      messageZh: '网关暂时无法连接消息服务器，请稍后重试',
      messageEn: 'the gateway cannot reach the message broker right now; retry later',
    });
  },

  internal(): GatewayError {
    return new GatewayError({
      status: 500,
      code: 'GATEWAY.INTERNAL_ERROR',
      messageZh: '网关内部错误',
      messageEn: 'internal error in the gateway',
    });
  },
} as const;
