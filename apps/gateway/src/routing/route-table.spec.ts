import { GatewayError } from '../errors/gateway-error';
import type { RouteDefinition } from './route-definition';
import { RouteTable, RouteTableError } from './route-table';

const forward = (name: string) => ({ kind: 'query', service: 'class-ops', name }) as const;
const route = (
  method: RouteDefinition['method'],
  path: string,
  extra: Partial<RouteDefinition> = {},
): RouteDefinition => ({
  method,
  path,
  summary: { zh: '测试', en: 'test' },
  roles: ['county_officer'],
  request: 'jineng.common.v1.Principal',
  target: forward('GetClass'),
  ...extra,
});

function problemsOf(
  definitions: RouteDefinition[],
  knownContract?: (name: string) => boolean,
): readonly string[] {
  try {
    new RouteTable(definitions, { knownContract });
  } catch (error) {
    if (error instanceof RouteTableError) return error.problems;
    throw error;
  }
  throw new Error('expected the table to be refused');
}

function gatewayErrorOf(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('RouteTable.match', () => {
  const table = new RouteTable([
    route('GET', '/api/v1/classes/:classId', { target: forward('GetClass') }),
    route('GET', '/api/v1/classes/open', { target: forward('ListOpenClasses') }),
    route('POST', '/api/v1/classes/:classId/sessions', {
      target: { kind: 'command', service: 'class-ops', name: 'AddSession' },
    }),
    route('GET', '/api/v1/jurisdictions/:jurisdiction/classes/:classId', { target: forward('GetClassIn') }),
  ]);
  const nameOf = (method: string, path: string) => {
    const { route: matched } = table.match(method, path);
    return matched.definition.target.kind === 'local' ? 'local' : matched.definition.target.name;
  };

  it('matches by method and path, with the raw path parameters', () => {
    const match = table.match('GET', '/api/v1/jurisdictions/140802/classes/c%2F1');
    expect(match.params).toEqual({ jurisdiction: '140802', classId: 'c%2F1' });
    expect(match.route.openApiPath).toBe('/api/v1/jurisdictions/{jurisdiction}/classes/{classId}');
    expect(nameOf('POST', '/api/v1/classes/42/sessions')).toBe('AddSession');
  });

  it('prefers a literal segment over a parameter, whatever the order of definition', () => {
    expect(nameOf('GET', '/api/v1/classes/open')).toBe('ListOpenClasses');
    expect(nameOf('GET', '/api/v1/classes/42')).toBe('GetClass');
  });

  it('ignores one trailing slash', () => {
    expect(nameOf('GET', '/api/v1/classes/42/')).toBe('GetClass');
  });

  it('answers 404 GATEWAY.ROUTE_NOT_FOUND for an unknown path, an empty parameter or extra segments', () => {
    for (const path of [
      '/api/v1/nothing',
      '/api/v1/classes/42/sessions/7',
      '/api/v1/jurisdictions//classes/1',
      '/api/v2/classes/1',
    ]) {
      const error = gatewayErrorOf(() => table.match('GET', path));
      expect([error.status, error.code]).toEqual([404, 'GATEWAY.ROUTE_NOT_FOUND']);
    }
  });

  it('answers 405 with the allowed methods for a known path and another method', () => {
    const error = gatewayErrorOf(() => table.match('DELETE', '/api/v1/classes/42/sessions'));
    expect(error.status).toBe(405);
    expect(error.code).toBe('GATEWAY.METHOD_NOT_ALLOWED');
    expect(error.headers).toEqual({ Allow: 'POST' });
  });
});

describe('RouteTable definitions', () => {
  it('refuses clashing routes: same method and shape', () => {
    expect(
      problemsOf([
        route('GET', '/api/v1/classes/:classId'),
        route('GET', '/api/v1/classes/:id', { target: forward('Other') }),
      ]),
    ).toEqual(['GET /api/v1/classes/:id clashes with GET /api/v1/classes/:classId']);
  });

  it('refuses paths outside /api/v1, bad segments and repeated parameters', () => {
    expect(problemsOf([route('GET', '/classes')])).toEqual([
      'GET /classes: the path must start with /api/v1/ and not end with /',
    ]);
    expect(problemsOf([route('GET', '/api/v1/a b')])).toEqual([
      "GET /api/v1/a b: path segment 'a b' is neither a literal nor a :parameter",
    ]);
    expect(problemsOf([route('GET', '/api/v1/:id/x/:id')])).toEqual([
      'GET /api/v1/:id/x/:id: a path parameter appears twice',
    ]);
  });

  it('refuses unknown roles, public forwarded routes and public routes with scope checks', () => {
    expect(problemsOf([route('GET', '/api/v1/a', { roles: ['superuser' as never] })])).toEqual([
      `GET /api/v1/a: roles must be 'public' or a non-empty list of known roles (got ["superuser"])`,
    ]);
    expect(
      problemsOf([route('GET', '/api/v1/a', { roles: 'public', jurisdiction: { in: 'query', name: 'j' } })]),
    ).toEqual([
      'GET /api/v1/a: only gateway-local routes can be public, unless they allowAnonymous: a service needs a principal',
      'GET /api/v1/a: a public route cannot check jurisdiction or ownership: there is no principal',
    ]);
  });

  it('lets a public route be forwarded when it allowAnonymous, naming the jurisdiction in the path or query', () => {
    const anonymous = { jurisdiction: { in: 'path', name: 'jurisdiction' } } as const;
    const table = new RouteTable([
      route('GET', '/api/v1/public/:jurisdiction/notices', { roles: 'public', allowAnonymous: anonymous }),
    ]);
    expect(table.match('GET', '/api/v1/public/419001/notices').params).toEqual({ jurisdiction: '419001' });
    // a route about no jurisdiction (a certificate by its number) names none
    const certificates = new RouteTable([
      route('GET', '/api/v1/public/certificates/:number', { roles: 'public', allowAnonymous: {} }),
    ]);
    expect(certificates.match('GET', '/api/v1/public/certificates/N1').params).toEqual({ number: 'N1' });
    expect(
      problemsOf([
        route('GET', '/api/v1/a', {
          roles: ['worker'],
          allowAnonymous: { jurisdiction: { in: 'query', name: 'j' } },
        }),
        route('GET', '/api/v1/b', {
          roles: 'public',
          allowAnonymous: { jurisdiction: { in: 'body', name: 'j' } },
        }),
        route('GET', '/api/v1/c', {
          roles: 'public',
          allowAnonymous: { jurisdiction: { in: 'path', name: 'j' } },
        }),
      ]),
    ).toEqual([
      'GET /api/v1/a: allowAnonymous is for public routes',
      'GET /api/v1/b: allowAnonymous names the jurisdiction in the path or the query',
      expect.stringMatching(/^GET \/api\/v1\/c: .*j/),
    ]);
  });

  it('refuses a file route the gateway answers itself: a file is read from the answering service', () => {
    const local = { kind: 'local', operationId: 'file', handle: () => undefined } as const;
    expect(
      problemsOf([route('GET', '/api/v1/f', { target: local, file: { contentTypes: ['text/plain'] } })]),
    ).toEqual(["GET /api/v1/f: a file route is forwarded: its file is in the answering service's bucket"]);
  });

  it('refuses a locator naming a path parameter the path lacks', () => {
    expect(
      problemsOf([
        route('GET', '/api/v1/classes/:classId', { jurisdiction: { in: 'path', name: 'jurisdiction' } }),
      ]),
    ).toEqual([
      "GET /api/v1/classes/:classId: the jurisdiction locator names path parameter 'jurisdiction', which the path does not have",
    ]);
  });

  it('refuses a forwarded route without a request contract, with an unknown contract, or a bad subject', () => {
    expect(problemsOf([route('GET', '/api/v1/a', { request: undefined })])).toEqual([
      'GET /api/v1/a: a forwarded route needs a request contract',
    ]);
    expect(
      problemsOf([route('GET', '/api/v1/a', { request: 'jineng.nope.v1.Nothing' })], () => false),
    ).toEqual(["GET /api/v1/a: unknown contract 'jineng.nope.v1.Nothing'"]);
    expect(
      problemsOf([
        route('GET', '/api/v1/a', { target: { kind: 'query', service: 'Class Ops', name: 'GetClass' } }),
      ]),
    ).toEqual(["GET /api/v1/a: invalid service name 'Class Ops': use e.g. 'class-ops'"]);
  });

  it('refuses a rate limit that is not whole requests per whole seconds', () => {
    for (const rateLimit of [
      { requests: 0, perSeconds: 60 },
      { requests: 10, perSeconds: 0.5 },
    ])
      expect(problemsOf([route('GET', '/api/v1/a', { rateLimit })])).toEqual([
        'GET /api/v1/a: a rate limit needs whole numbers of requests and seconds, at least 1 each',
      ]);
  });

  it('names every problem of every route at once', () => {
    expect(
      problemsOf([
        route('GET', '/x', { summary: { zh: '', en: '' } }),
        route('GET', '/api/v1/a', { request: undefined }),
      ]),
    ).toHaveLength(3);
  });
});
