// The trainee's own routes (/my/trainings, /my/certificates) and the public institution directory, as
// the gateway's route table, authorization and validation treat them: the first for a signed-in worker
// only, with no worker id a client could name; the second for anyone without a token, rate-limited per
// client, as the anonymous principal that grants nothing.
import type { Principal } from '@jineng/messaging';
import { GatewayError } from '../errors/gateway-error';
import { anonymousPrincipal, ANONYMOUS_JURISDICTION, authorizeRole } from '../routing/authorize';
import { isKnownContract, schemaOf, validatePayload } from '../routing/contracts';
import { assemblePayload } from '../routing/request-payload';
import { RouteTable } from '../routing/route-table';
import { SERVICE_ROUTES } from './service.routes';

const table = new RouteTable(SERVICE_ROUTES, { knownContract: isKnownContract });
const routeOf = (path: string) => table.match('GET', path).route.definition;
const targetOf = (path: string) => {
  const target = routeOf(path).target;
  return target.kind === 'local' ? 'local' : `${target.kind} ${target.service} ${target.name}`;
};
const worker: Principal = {
  userId: '4f1c0e5a-6b7d-4e9f-8a3b-4c5d6e7f8091',
  roles: ['worker'],
  jurisdiction: '140802',
};
const officer: Principal = { userId: 'o', roles: ['county_officer'], jurisdiction: '140802' };

function gatewayErrorOf(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

/** The violations of a GET with this query, as the gateway finds them before forwarding. */
function violationsOf(path: string, query: string): string[] {
  const route = routeOf(path);
  const assembled = assemblePayload(
    { params: {}, query: new URLSearchParams(query), body: undefined },
    schemaOf(route.request!),
  );
  if (!assembled.ok) return assembled.violations.map((v) => v.path);
  const checked = validatePayload(route.request!, assembled.payload);
  return checked.ok ? [] : checked.violations.map((v) => v.path);
}

describe("the trainee's own routes", () => {
  it('forward to the services that keep the records', () => {
    expect(targetOf('/api/v1/my/trainings')).toBe('query class-ops ListMyTrainings');
    expect(targetOf('/api/v1/my/trainings/export')).toBe('query class-ops ExportMyTrainings');
    expect(targetOf('/api/v1/my/certificates')).toBe('query certification ListMyCertificates');
    expect(targetOf('/api/v1/my/certificates/export')).toBe('query certification ExportMyCertificates');
  });

  it('admit a signed-in worker only: 401 without a token, 403 for an officer', () => {
    for (const path of ['/api/v1/my/trainings', '/api/v1/my/certificates', '/api/v1/my/trainings/export']) {
      const route = routeOf(path);
      expect(authorizeRole(route, worker)).toEqual(['worker']);
      expect(gatewayErrorOf(() => authorizeRole(route, undefined)).status).toBe(401);
      expect(gatewayErrorOf(() => authorizeRole(route, officer)).code).toBe('GATEWAY.FORBIDDEN_ROLE');
      expect(route.allowAnonymous).toBeUndefined();
    }
  });

  it('take no worker id: naming one is a 400 on the field, as is a bad page size', () => {
    expect(violationsOf('/api/v1/my/trainings', 'page=2&pageSize=20&sort=-startDate')).toEqual([]);
    expect(violationsOf('/api/v1/my/trainings', `workerId=${worker.userId}`).join()).toMatch(/workerId/);
    expect(violationsOf('/api/v1/my/certificates', 'pageSize=501&status=lost').join()).toMatch(
      /pageSize.*status|status.*pageSize/,
    );
    expect(violationsOf('/api/v1/my/certificates/export', 'format=csv').join()).toMatch(/format/);
  });
});

describe('the public institution directory', () => {
  it('forwards to the registry, anonymously without a token, as a principal that grants nothing', () => {
    expect(targetOf('/api/v1/public/institutions')).toBe('query registry ListPublicInstitutions');
    expect(targetOf('/api/v1/public/institutions/export')).toBe('query registry ExportPublicInstitutions');
    for (const path of ['/api/v1/public/institutions', '/api/v1/public/institutions/export']) {
      const route = routeOf(path);
      expect(route.roles).toBe('public');
      expect(authorizeRole(route, undefined)).toEqual([]);
      expect(anonymousPrincipal(route, { path: {}, query: {}, body: undefined })).toEqual({
        userId: 'anonymous',
        roles: ['anonymous'],
        jurisdiction: ANONYMOUS_JURISDICTION,
      });
    }
  });

  it('is rate-limited per client, the export more strictly than the page', () => {
    const page = routeOf('/api/v1/public/institutions').rateLimit!;
    const file = routeOf('/api/v1/public/institutions/export').rateLimit!;
    expect(page.requests / page.perSeconds).toBeLessThanOrEqual(1);
    expect(file.requests / file.perSeconds).toBeLessThan(page.requests / page.perSeconds);
  });

  it('checks its filters: 400 naming each bad field', () => {
    expect(
      violationsOf('/api/v1/public/institutions', 'jurisdiction=140802&occupationCode=6-18-02-04&name=焊工'),
    ).toEqual([]);
    const bad = violationsOf(
      '/api/v1/public/institutions',
      'jurisdiction=14&occupationCode=welding&pageSize=0',
    );
    expect(bad.join()).toMatch(/jurisdiction/);
    expect(bad.join()).toMatch(/occupationCode/);
    expect(bad.join()).toMatch(/pageSize/);
    expect(violationsOf('/api/v1/public/institutions/export', 'jurisdiction=140802').join()).toMatch(
      /format/,
    );
  });
});
