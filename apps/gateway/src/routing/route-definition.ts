// A route of the REST API as data: one dispatcher authenticates, authorizes, validates and forwards
// every route the same way, and the OpenAPI document is generated from the same table.
import type { JsonSchema } from '@jineng/contracts';
import type { Principal, Role } from '@jineng/messaging';

export type { JsonSchema };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** At most `requests` in every window of `perSeconds` seconds. */
export interface RateLimit {
  readonly requests: number;
  readonly perSeconds: number;
}

/** Where in the request a value is: a path parameter, a query parameter, or a (dotted) body field. */
export interface FieldLocator {
  readonly in: 'path' | 'query' | 'body';
  /** the parameter name, or for the body a dotted path such as `site.jurisdiction` */
  readonly name: string;
}

/**
 * The request payload's contract: a type name of `@jineng/contracts` (what services also validate), or
 * for gateway-local routes an inline schema with the name it gets in the OpenAPI document.
 */
export type RequestContract = string | { readonly name: string; readonly schema: JsonSchema };

export interface LocalRequest {
  readonly principal: Principal | undefined;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly correlationId: string;
}

export type RouteTarget =
  /** forwarded over NATS to `jineng.cmd|qry.<service>.<name>` */
  | {
      readonly kind: 'command' | 'query';
      readonly service: string;
      readonly name: string;
      /** overrides JINENG_RPC_TIMEOUT_MS for this route */
      readonly timeoutMs?: number;
      /**
       * requests that arrive while earlier ones are in flight go to the service together, as one
       * group (RpcClient.sendInGroup, ADR 0024); the service must answer `<subject>.group`
       */
      readonly grouped?: true;
    }
  /** answered by the gateway itself (`/me`, the development issuer) */
  | {
      readonly kind: 'local';
      readonly operationId: string;
      readonly handle: (request: LocalRequest) => unknown;
    };

/**
 * A route whose reply is a file: the service answers a `jineng.common.v1.FileReply` and the gateway
 * streams the stored file (Content-Type from the reply, which must be one of these; Content-Disposition
 * attachment with the reply's file name).
 */
export interface FileResponse {
  readonly contentTypes: readonly string[];
}

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** `/api/v1/...`, with `:name` path parameters */
  readonly path: string;
  readonly summary: { readonly zh: string; readonly en: string };
  /** OpenAPI tags; default the target service (or `gateway`) */
  readonly tags?: readonly string[];
  /**
   * who may call it; `public` needs no token — a gateway-local route, or a forwarded one that
   * `allowAnonymous` (a service always gets a principal)
   */
  readonly roles: readonly Role[] | 'public';
  /**
   * A public route forwarded to a service (the public notice page, an objection from anyone): a caller
   * without a token is forwarded as the anonymous principal (`userId` `anonymous`, role `anonymous`) of
   * the jurisdiction the request names here; a caller with a token is forwarded as itself. A route
   * that concerns no jurisdiction (verifying a certificate by its number) names none: the anonymous
   * principal then carries ANONYMOUS_JURISDICTION, which grants nothing to the `anonymous` role.
   */
  readonly allowAnonymous?: { readonly jurisdiction?: FieldLocator };
  /**
   * Where the target jurisdiction is: it must be within the caller's (a province covers its cities
   * and counties). Without it the service scopes by the principal's jurisdiction itself.
   */
  readonly jurisdiction?: FieldLocator;
  /** Where the institution acted on is: a caller acting as `institution` may only name its own. */
  readonly institution?: FieldLocator;
  /** Where the enterprise acted on is: a caller acting as `enterprise` may only name its own. */
  readonly enterprise?: FieldLocator;
  /**
   * The payload is path parameters + query parameters + body fields, in one object checked against
   * this contract. Required for forwarded routes.
   */
  readonly request?: RequestContract;
  /** documented as the success response */
  readonly response?: RequestContract;
  /** default 200 */
  readonly successStatus?: 200 | 201 | 202 | 204;
  /**
   * How often one caller may call this route: per user, or per client IP on a public route. Default
   * JINENG_RATE_LIMIT_ROUTE (JINENG_RATE_LIMIT_ANONYMOUS for a public route); JINENG_RATE_LIMIT_ROUTES
   * overrides it by environment. Set it stricter on routes that disclose personal data.
   */
  readonly rateLimit?: RateLimit;
  /** the reply is a file to stream, not JSON to answer */
  readonly file?: FileResponse;
  readonly target: RouteTarget;
}
