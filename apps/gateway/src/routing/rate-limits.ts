// Rate limits at the edge (ARCHITECTURE §6, issue #9), counted by rate-limiter-flexible. Every caller
// — the user, or on a public route the client IP — has a budget per route (the route's `rateLimit`,
// else the default; JINENG_RATE_LIMIT_ROUTES overrides either) and one over all routes together. The
// first request past either is answered 429 with Retry-After; every answer of a matched route says
// RateLimit-Limit / -Remaining / -Reset of its route's budget.
//
// The counters live in this process: behind n gateway replicas a caller gets up to n times a limit.
// rate-limiter-flexible keeps them in Redis or PostgreSQL instead when that matters.
import type { Principal } from '@jineng/messaging';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config/gateway-config';
import { GatewayErrors } from '../errors/gateway-error';
import type { RateLimit } from './route-definition';
import type { CompiledRoute } from './route-table';

export type CallerKind = 'user' | 'client_ip';

interface Budget {
  readonly limit: RateLimit;
  readonly limiter: RateLimiterMemory;
}

const routeName = (route: CompiledRoute) => `${route.definition.method} ${route.definition.path}`;

const budget = (limit: RateLimit, keyPrefix: string): Budget => ({
  limit,
  limiter: new RateLimiterMemory({ points: limit.requests, duration: limit.perSeconds, keyPrefix }),
});

export class RateLimits {
  private readonly perRoute = new Map<CompiledRoute, Budget>();
  private readonly perCaller: Budget;

  constructor(routes: readonly CompiledRoute[], config: RateLimitConfig) {
    const names = new Set(routes.map(routeName));
    const unknown = Object.keys(config.routes).filter((name) => !names.has(name));
    if (unknown.length > 0)
      throw new Error(`JINENG_RATE_LIMIT_ROUTES names routes that do not exist: ${unknown.join(', ')}`);
    for (const route of routes) {
      const name = routeName(route);
      const own = config.routes[name] ?? route.definition.rateLimit;
      const fallback = route.definition.roles === 'public' ? config.anonymous : config.route;
      this.perRoute.set(route, budget(own ?? fallback, `route:${name}`));
    }
    this.perCaller = budget(config.caller, 'caller');
  }

  /** The limit in force on a route. */
  limitOf(route: CompiledRoute): RateLimit {
    return this.budgetOf(route).limit;
  }

  /**
   * Counts one request to `route` by the principal (or, without one, by the client IP): sets the
   * RateLimit headers, or throws GATEWAY.RATE_LIMITED.
   */
  async admit(
    route: CompiledRoute,
    principal: Principal | undefined,
    req: IncomingMessage & { readonly ip?: string },
    res: ServerResponse,
  ): Promise<void> {
    const kind: CallerKind = principal ? 'user' : 'client_ip';
    const key = principal
      ? `user:${principal.userId}`
      : `ip:${req.ip ?? req.socket?.remoteAddress ?? 'unknown'}`;
    const own = this.budgetOf(route);
    const state = await this.consume(own, key, kind, routeName(route));
    res.setHeader('RateLimit-Limit', String(own.limit.requests));
    res.setHeader('RateLimit-Remaining', String(state.remainingPoints));
    res.setHeader('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)));
    await this.consume(this.perCaller, key, kind, undefined);
  }

  private budgetOf(route: CompiledRoute): Budget {
    const found = this.perRoute.get(route);
    if (!found) throw new Error(`no rate limit for ${routeName(route)}: not a route of this table`);
    return found;
  }

  private async consume(
    { limiter, limit }: Budget,
    key: string,
    kind: CallerKind,
    route: string | undefined,
  ): Promise<RateLimiterRes> {
    try {
      return await limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw GatewayErrors.rateLimited({
        ...limit,
        per: kind,
        route,
        retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
      });
    }
  }
}
