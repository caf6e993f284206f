import { DEFAULT_RATE_LIMITS } from '../config/gateway-config';
import type { RouteDefinition } from '../routing/route-definition';
import { SERVICE_ROUTES } from './service.routes';

/** Requests a second a route allows one user, by its own limit or the default. */
const allowance = (route: RouteDefinition) => {
  const limit = route.rateLimit ?? DEFAULT_RATE_LIMITS.route;
  return limit.requests / limit.perSeconds;
};

describe("the services' routes", () => {
  it('limit personal-data disclosure most strictly of all, lookup by ID number next, both below the default', () => {
    const [strictest, next] = [...SERVICE_ROUTES].sort((a, b) => allowance(a) - allowance(b));
    expect(`${strictest?.method} ${strictest?.path}`).toBe(
      'POST /api/v1/workers/:workerId/personal-data-disclosures',
    );
    expect(`${next?.method} ${next?.path}`).toBe('POST /api/v1/workers/lookups');
    const defaultAllowance = DEFAULT_RATE_LIMITS.route.requests / DEFAULT_RATE_LIMITS.route.perSeconds;
    expect(allowance(next!)).toBeLessThan(defaultAllowance);
    expect(allowance(strictest!)).toBeLessThan(allowance(next!));
  });
});
