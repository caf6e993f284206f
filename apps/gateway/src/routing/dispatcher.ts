// The one path every /api/v1 request takes:
//   authenticate → match the route → count it against the rate limits → authorize the role → read and validate path, query and body
//   → authorize jurisdiction and ownership → build the envelope → forward over NATS (or answer locally)
//   → reply with the service's JSON.
// Each step throws its own error; GatewayExceptionFilter turns it into the answer.
import {
  currentCorrelationId,
  setRouteTemplate,
  UNMATCHED_ROUTE,
  type ObservedResponse,
} from '@jineng/observability';
import { newId } from '@jineng/kernel';
import { RpcClient, rpcSubject, type Principal } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { JwtAuthenticator } from '../auth/jwt-authenticator';
import type { GatewayConfig } from '../config/gateway-config';
import { GatewayErrors } from '../errors/gateway-error';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { anonymousPrincipal, authorizeRole, authorizeScope } from './authorize';
import { buildEnvelope } from './build-envelope';
import { FileResponder } from './file-response';
import { schemaOf, validatePayload } from './contracts';
import { RateLimits } from './rate-limits';
import { readJsonBody } from './read-json-body';
import { assemblePayload } from './request-payload';
import type { RouteDefinition } from './route-definition';
import { RouteTable } from './route-table';

export type ApiRequest = IncomingMessage & { readonly originalUrl?: string };

@Injectable()
export class Dispatcher {
  constructor(
    private readonly table: RouteTable,
    private readonly authenticator: JwtAuthenticator,
    private readonly rpc: RpcClient,
    private readonly files: FileResponder,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly rateLimits: RateLimits,
  ) {}

  async dispatch(req: ApiRequest, res: ObservedResponse): Promise<void> {
    setRouteTemplate(res, UNMATCHED_ROUTE);
    const url = new URL(req.originalUrl ?? req.url ?? '/', 'http://gateway.invalid');
    const correlationId = String(res.getHeader('x-correlation-id') ?? currentCorrelationId() ?? newId());

    const authorization = req.headers.authorization;
    const principal = await this.authenticator.authenticate(authorization);
    const { route, params } = this.table.match(req.method ?? 'GET', url.pathname);
    const definition = route.definition;
    setRouteTemplate(res, definition.path);
    await this.rateLimits.admit(route, principal, req, res);
    const granted = authorizeRole(definition, principal);

    const body = await readJsonBody(req, this.config.bodyLimitBytes);
    const contract = definition.request;
    const assembled = assemblePayload(
      { params, query: url.searchParams, body },
      contract ? schemaOf(contract) : undefined,
    );
    if (!assembled.ok) throw GatewayErrors.invalidRequest(assembled.violations);
    if (contract) {
      const validation = validatePayload(contract, assembled.payload);
      if (!validation.ok) throw GatewayErrors.invalidRequest(validation.violations);
    }
    authorizeScope(definition, principal, granted, assembled.sources);
    const forwardedAs =
      principal ??
      (definition.allowAnonymous ? anonymousPrincipal(definition, assembled.sources) : undefined);

    const result = await this.execute(
      definition,
      forwardedAs,
      assembled.payload,
      correlationId,
      req.headers['idempotency-key'],
    );
    if (definition.file && definition.target.kind !== 'local')
      return this.files.send(res, result, definition.file, definition.target.service);
    const status = definition.successStatus ?? 200;
    res.statusCode = status;
    if (status === 204) {
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(result ?? null));
  }

  private async execute(
    definition: RouteDefinition,
    principal: Principal | undefined,
    payload: Record<string, unknown>,
    correlationId: string,
    idempotencyKey: string | string[] | undefined,
  ): Promise<unknown> {
    const target = definition.target;
    if (target.kind === 'local') return target.handle({ principal, payload, correlationId });
    // authorizeRole let no principal through to a forwarded route, unless it allowAnonymous (then it is the anonymous one)
    if (!principal) throw GatewayErrors.unauthenticated('missing_token');
    const envelope = buildEnvelope({
      principal,
      correlationId,
      kind: target.kind,
      subject: rpcSubject(target),
      idempotencyKey,
      now: new Date(),
    });
    const options = { timeoutMs: target.timeoutMs ?? this.config.rpcTimeoutMs };
    return target.grouped
      ? this.rpc.sendInGroup(target, { envelope, payload }, options)
      : this.rpc.send(target, { envelope, payload }, options);
  }
}
