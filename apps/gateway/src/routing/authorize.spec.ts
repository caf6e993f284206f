import type { Principal } from '@jineng/messaging';
import { GatewayError } from '../errors/gateway-error';
import { authorizeRole, authorizeScope, locate, type RequestSources } from './authorize';
import type { RouteDefinition } from './route-definition';

const INSTITUTION = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const OTHER_INSTITUTION = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

const route: RouteDefinition = {
  method: 'POST',
  path: '/api/v1/classes',
  summary: { zh: '开班', en: 'open a class' },
  roles: ['institution', 'county_officer', 'city_approver', 'admin'],
  jurisdiction: { in: 'body', name: 'site.jurisdiction' },
  institution: { in: 'body', name: 'institutionId' },
  request: 'x',
  target: { kind: 'command', service: 'class-ops', name: 'OpenClass' },
};

const principal = (
  roles: Principal['roles'],
  jurisdiction: string,
  extra: Partial<Principal> = {},
): Principal => ({
  userId: 'u',
  roles,
  jurisdiction,
  ...extra,
});
const countyOfficer = principal(['county_officer'], '140802');
const cityApprover = principal(['city_approver'], '140800');
const provinceAdmin = principal(['admin'], '140000');
const institution = principal(['institution'], '140802', { institutionId: INSTITUTION });

const body = (
  jurisdiction: string | undefined,
  institutionId: string | undefined = INSTITUTION,
): RequestSources => ({
  path: {},
  query: {},
  body: { site: { jurisdiction }, institutionId },
});

function errorOf(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

const scope = (who: Principal, sources: RequestSources, definition = route) =>
  authorizeScope(definition, who, authorizeRole(definition, who), sources);

describe('authorizeRole', () => {
  it('returns the roles of the caller that the route allows', () => {
    expect(authorizeRole(route, principal(['county_officer', 'auditor'], '140802'))).toEqual([
      'county_officer',
    ]);
  });

  it('refuses a caller without a token (401) and one without an allowed role (403)', () => {
    expect(errorOf(() => authorizeRole(route, undefined))).toMatchObject({
      status: 401,
      code: 'GATEWAY.UNAUTHENTICATED',
    });
    const error = errorOf(() => authorizeRole(route, principal(['worker'], '140802')));
    expect(error).toMatchObject({ status: 403, code: 'GATEWAY.FORBIDDEN_ROLE', category: 'forbidden' });
    expect(error.details).toEqual({ requiredRoles: route.roles, roles: ['worker'] });
    expect(error.messageZh).toContain('需要角色');
  });

  it('lets anybody call a public route', () => {
    expect(authorizeRole({ ...route, roles: 'public' }, undefined)).toEqual([]);
  });
});

describe('authorizeScope: jurisdiction', () => {
  it('allows the same jurisdiction and the ones below it', () => {
    expect(() => scope(countyOfficer, body('140802'))).not.toThrow();
    expect(() => scope(cityApprover, body('140802'))).not.toThrow(); // 运城市 covers 盐湖区
    expect(() => scope(cityApprover, body('140821'))).not.toThrow(); // and 临猗县
    expect(() => scope(provinceAdmin, body('140821'))).not.toThrow(); // 山西省 covers both
    expect(() => scope(provinceAdmin, body('140800'))).not.toThrow();
  });

  it('refuses a sibling county, the city above, and another province (403 GATEWAY.FOREIGN_JURISDICTION)', () => {
    for (const [who, target] of [
      [countyOfficer, '140821'],
      [countyOfficer, '140800'],
      [cityApprover, '140500'],
      [provinceAdmin, '410000'],
    ] as const) {
      const error = errorOf(() => scope(who, body(target)));
      expect(error).toMatchObject({ status: 403, code: 'GATEWAY.FOREIGN_JURISDICTION' });
      expect(error.details).toEqual({
        field: 'site.jurisdiction',
        jurisdiction: target,
        principalJurisdiction: who.jurisdiction,
      });
    }
  });

  it('leaves an absent jurisdiction to the service, and refuses one that is not a code (400)', () => {
    expect(() => scope(countyOfficer, body(undefined))).not.toThrow();
    expect(errorOf(() => scope(countyOfficer, body('14080X')))).toMatchObject({
      status: 400,
      violations: [{ path: 'site.jurisdiction' }],
    });
  });

  it('reads the jurisdiction from a path or query parameter', () => {
    const inPath: RouteDefinition = { ...route, jurisdiction: { in: 'path', name: 'jurisdiction' } };
    expect(
      errorOf(() =>
        scope(countyOfficer, { path: { jurisdiction: '140821' }, query: {}, body: undefined }, inPath),
      ).code,
    ).toBe('GATEWAY.FOREIGN_JURISDICTION');
    const inQuery: RouteDefinition = { ...route, jurisdiction: { in: 'query', name: 'in' } };
    expect(() =>
      scope(countyOfficer, { path: {}, query: { in: '140802' }, body: undefined }, inQuery),
    ).not.toThrow();
  });
});

describe('authorizeScope: institution', () => {
  it('lets an institution act for itself only (403 GATEWAY.FOREIGN_INSTITUTION)', () => {
    expect(() => scope(institution, body('140802', INSTITUTION.toUpperCase()))).not.toThrow();
    const error = errorOf(() => scope(institution, body('140802', OTHER_INSTITUTION)));
    expect(error).toMatchObject({
      status: 403,
      code: 'GATEWAY.FOREIGN_INSTITUTION',
      details: { institutionId: OTHER_INSTITUTION },
    });
  });

  it('still checks the jurisdiction of an institution', () => {
    expect(errorOf(() => scope(institution, body('140821'))).code).toBe('GATEWAY.FOREIGN_JURISDICTION');
  });

  it('scopes officers by jurisdiction, not by institution', () => {
    expect(() => scope(countyOfficer, body('140802', OTHER_INSTITUTION))).not.toThrow();
    const both = principal(['institution', 'county_officer'], '140802', { institutionId: INSTITUTION });
    expect(() => scope(both, body('140802', OTHER_INSTITUTION))).not.toThrow();
  });

  it('scopes an enterprise to its own enterprise the same way', () => {
    const enterpriseRoute: RouteDefinition = {
      ...route,
      roles: ['enterprise'],
      jurisdiction: undefined,
      enterprise: { in: 'path', name: 'enterpriseId' },
    };
    const enterprise = principal(['enterprise'], '140802', { enterpriseId: INSTITUTION });
    const sources = (id: string): RequestSources => ({
      path: { enterpriseId: id },
      query: {},
      body: undefined,
    });
    expect(() => scope(enterprise, sources(INSTITUTION), enterpriseRoute)).not.toThrow();
    expect(errorOf(() => scope(enterprise, sources(OTHER_INSTITUTION), enterpriseRoute)).code).toBe(
      'GATEWAY.FOREIGN_ENTERPRISE',
    );
  });
});

describe('locate', () => {
  it('follows a dotted body path, and finds nothing through non-objects', () => {
    const sources: RequestSources = { path: {}, query: {}, body: { a: { b: { c: 1 } }, list: [1] } };
    expect(locate(sources, { in: 'body', name: 'a.b.c' })).toBe(1);
    expect(locate(sources, { in: 'body', name: 'a.x.c' })).toBeUndefined();
    expect(locate(sources, { in: 'body', name: 'list.0' })).toBeUndefined();
  });
});
