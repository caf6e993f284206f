// The route table compiled once at start: every definition checked (a mistake stops the start, it
// does not surface as a 500 later), then requests matched to routes by method and path.
import { isRole, rpcSubject } from '@jineng/messaging';
import { GatewayErrors } from '../errors/gateway-error';
import type { FieldLocator, HttpMethod, RouteDefinition } from './route-definition';

export const API_PREFIX = '/api/v1';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const LITERAL = /^[A-Za-z0-9._~-]+$/;
const PARAM = /^:([A-Za-z][A-Za-z0-9_]*)$/;

type Segment = { readonly literal: string } | { readonly param: string };

export interface CompiledRoute {
  readonly definition: RouteDefinition;
  readonly segments: readonly Segment[];
  readonly pathParams: readonly string[];
  /** `/api/v1/classes/{classId}` */
  readonly openApiPath: string;
}

export interface RouteMatch {
  readonly route: CompiledRoute;
  /** raw (still URL-encoded) path parameter values */
  readonly params: Readonly<Record<string, string>>;
}

export class RouteTableError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid route table:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RouteTableError';
  }
}

export interface RouteTableOptions {
  /** whether a contract type name exists (in `@jineng/contracts`) */
  readonly knownContract?: (name: string) => boolean;
}

export class RouteTable {
  readonly routes: readonly CompiledRoute[];
  /** the routes by their number of segments: a request is only compared with routes of its length */
  private readonly byLength = new Map<number, CompiledRoute[]>();

  constructor(definitions: readonly RouteDefinition[], options: RouteTableOptions = {}) {
    const problems: string[] = [];
    const routes = definitions.map((definition) => compile(definition, problems, options));
    const seen = new Map<string, string>();
    for (const route of routes) {
      // two routes one request could match with the same specificity: the table would be ambiguous
      const shape = `${route.definition.method} ${route.segments.map((s) => ('literal' in s ? s.literal : ':')).join('/')}`;
      const other = seen.get(shape);
      if (other) problems.push(`${name(route.definition)} clashes with ${other}`);
      else seen.set(shape, name(route.definition));
    }
    if (problems.length > 0) throw new RouteTableError(problems);
    this.routes = routes;
    for (const route of routes) {
      const sameLength = this.byLength.get(route.segments.length);
      if (sameLength) sameLength.push(route);
      else this.byLength.set(route.segments.length, [route]);
    }
  }

  /** The route for a request path (no query), or 404 / 405. */
  match(method: string, path: string): RouteMatch {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const parts = trimmed.split('/').slice(1);
    const candidates: RouteMatch[] = [];
    for (const route of this.byLength.get(parts.length) ?? []) {
      const params: Record<string, string> = {};
      const matches = route.segments.every((segment, i) => {
        const part = parts[i] as string;
        if ('literal' in segment) return segment.literal === part;
        params[segment.param] = part;
        return part !== '';
      });
      if (matches) candidates.push({ route, params });
    }
    const forMethod = candidates.filter((c) => c.route.definition.method === method);
    if (forMethod.length > 0) return forMethod.sort(bySpecificity)[0] as RouteMatch;
    if (candidates.length > 0) {
      const allowed = [...new Set(candidates.map((c) => c.route.definition.method))];
      throw GatewayErrors.methodNotAllowed(
        method,
        path,
        METHODS.filter((m) => allowed.includes(m)),
      );
    }
    throw GatewayErrors.routeNotFound(method, path);
  }
}

/** Literal segments win over parameters, from the left: `/classes/open` before `/classes/:classId`. */
function bySpecificity(a: RouteMatch, b: RouteMatch): number {
  const key = (m: RouteMatch) => m.route.segments.map((s) => ('literal' in s ? '0' : '1')).join('');
  return key(a).localeCompare(key(b));
}

const name = (d: RouteDefinition) => `${d.method} ${d.path}`;

function compile(definition: RouteDefinition, problems: string[], options: RouteTableOptions): CompiledRoute {
  const problem = (text: string) => problems.push(`${name(definition)}: ${text}`);
  const { method, path, roles, target } = definition;

  if (!METHODS.includes(method)) problem(`unknown method (use ${METHODS.join(', ')})`);
  if (!path.startsWith(`${API_PREFIX}/`) || path.endsWith('/'))
    problem(`the path must start with ${API_PREFIX}/ and not end with /`);
  const segments: Segment[] = [];
  for (const part of path.split('/').slice(1)) {
    const param = PARAM.exec(part);
    if (param) segments.push({ param: param[1] as string });
    else if (LITERAL.test(part)) segments.push({ literal: part });
    else problem(`path segment '${part}' is neither a literal nor a :parameter`);
  }
  const pathParams = segments.flatMap((s) => ('param' in s ? [s.param] : []));
  if (new Set(pathParams).size !== pathParams.length) problem('a path parameter appears twice');

  if (!definition.summary?.zh || !definition.summary?.en)
    problem('a summary in Chinese and English is required');
  if (definition.allowAnonymous) {
    if (roles !== 'public') problem('allowAnonymous is for public routes');
    if (target.kind === 'local')
      problem('allowAnonymous is for forwarded routes: a local route has no principal to send');
    const where = definition.allowAnonymous.jurisdiction;
    if (where?.in === 'body') problem('allowAnonymous names the jurisdiction in the path or the query');
    else if (where) checkLocator('jurisdiction', where, pathParams, problem);
  }
  if (roles === 'public') {
    if (target.kind !== 'local' && !definition.allowAnonymous)
      problem(
        'only gateway-local routes can be public, unless they allowAnonymous: a service needs a principal',
      );
    if (definition.jurisdiction || definition.institution || definition.enterprise) {
      problem('a public route cannot check jurisdiction or ownership: there is no principal');
    }
  } else if (roles.length === 0 || !roles.every(isRole)) {
    problem(`roles must be 'public' or a non-empty list of known roles (got ${JSON.stringify(roles)})`);
  }
  for (const [what, locator] of [
    ['jurisdiction', definition.jurisdiction],
    ['institution', definition.institution],
    ['enterprise', definition.enterprise],
  ] as const) {
    if (locator) checkLocator(what, locator, pathParams, problem);
  }

  const limit = definition.rateLimit;
  const wholeFromOne = (n: number) => Number.isInteger(n) && n >= 1;
  if (limit && !(wholeFromOne(limit.requests) && wholeFromOne(limit.perSeconds)))
    problem('a rate limit needs whole numbers of requests and seconds, at least 1 each');

  if (target.kind === 'local') {
    if (typeof target.handle !== 'function' || !target.operationId)
      problem('a local target needs an operationId and a handler');
    if (definition.file) problem("a file route is forwarded: its file is in the answering service's bucket");
  } else {
    try {
      rpcSubject(target);
    } catch (error) {
      problem((error as Error).message);
    }
    if (!definition.request) problem('a forwarded route needs a request contract');
  }
  for (const contract of [definition.request, definition.response]) {
    if (typeof contract === 'string' && options.knownContract && !options.knownContract(contract)) {
      problem(`unknown contract '${contract}'`);
    }
  }

  return {
    definition,
    segments,
    pathParams,
    openApiPath: segments
      .map((s) => ('literal' in s ? s.literal : `{${s.param}}`))
      .reduce((p, s) => `${p}/${s}`, ''),
  };
}

function checkLocator(
  what: string,
  locator: FieldLocator,
  pathParams: readonly string[],
  problem: (text: string) => void,
): void {
  if (!['path', 'query', 'body'].includes(locator.in) || !locator.name) {
    problem(`the ${what} locator must name a field in path, query or body`);
  } else if (locator.in === 'path' && !pathParams.includes(locator.name)) {
    problem(`the ${what} locator names path parameter '${locator.name}', which the path does not have`);
  }
}
