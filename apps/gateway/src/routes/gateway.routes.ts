// The routes the gateway answers itself: who am I, and (JINENG_DEV_AUTH=enabled only) the
// development issuer. Services' routes live beside this file, one table per service.
import { ROLES } from '@jineng/messaging';
import { DEMO_USERS } from '../auth/demo-users';
import type { DevIssuer } from '../auth/dev-issuer';
import { DEV_CONSOLE_CLIENT_ID, OIDC_DISCOVERY_PATH } from '../auth/dev-oidc-provider';
import type { AuthConfig } from '../config/gateway-config';
import { GatewayErrors } from '../errors/gateway-error';
import type { JsonSchema, RouteDefinition } from '../routing/route-definition';

export const meRoute: RouteDefinition = {
  method: 'GET',
  path: '/api/v1/me',
  summary: { zh: '当前用户（令牌中的身份）', en: 'The authenticated principal' },
  roles: ROLES,
  response: 'jineng.common.v1.Principal',
  target: { kind: 'local', operationId: 'gateway.me', handle: ({ principal }) => principal },
};

/** How the web console signs in: the OIDC provider to discover, and its client there (ADR 0020). */
export interface ConsoleSignIn {
  /** the provider's discovery document: absolute, or a path on this origin (the development issuer) */
  readonly discovery: string;
  readonly clientId: string;
  readonly scope: string;
}

export function consoleSignIn(auth: AuthConfig): ConsoleSignIn | null {
  switch (auth.mode) {
    case 'dev':
      return { discovery: OIDC_DISCOVERY_PATH, clientId: DEV_CONSOLE_CLIENT_ID, scope: 'openid' };
    case 'oidc':
      return auth.console
        ? {
            discovery: `${auth.issuer.replace(/\/+$/, '')}${OIDC_DISCOVERY_PATH}`,
            clientId: auth.console.clientId,
            scope: auth.console.scope,
          }
        : null;
    case 'none':
      return null;
  }
}

/** What the console needs to know before anybody signs in. */
export function consoleConfigRoute(auth: AuthConfig): RouteDefinition {
  const signIn = consoleSignIn(auth);
  return {
    method: 'GET',
    path: '/api/v1/console-config',
    summary: {
      zh: '控制台配置（登录所用的身份提供方）',
      en: "The console's configuration (the identity provider it signs in with)",
    },
    roles: 'public',
    target: { kind: 'local', operationId: 'gateway.consoleConfig', handle: () => ({ signIn }) },
  };
}

// a constant: the contracts' validator compiles each inline schema object once
const DEV_TOKEN_REQUEST: JsonSchema = {
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: {
    user: {
      type: 'string',
      enum: DEMO_USERS.map((demo) => demo.user),
      description: '演示用户（按角色）/ the demo user, by role',
    },
    expiresInSeconds: { type: 'integer', minimum: 60, maximum: 604800 },
  },
};

/** Development only: scripts and test suites ask for many tokens from one address. */
const DEV_ISSUER_RATE_LIMIT = { requests: 600, perSeconds: 60 } as const;

export function devIssuerRoutes(issuer: DevIssuer): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/dev/jwks',
      summary: { zh: '开发环境签发方的公钥（JWKS）', en: "The development issuer's public keys (JWKS)" },
      tags: ['dev'],
      roles: 'public',
      rateLimit: DEV_ISSUER_RATE_LIMIT,
      target: { kind: 'local', operationId: 'dev.jwks', handle: () => issuer.jwks() },
    },
    {
      method: 'GET',
      path: '/api/v1/dev/users',
      summary: { zh: '演示用户（每个角色一个）', en: 'The demo users, one per role' },
      tags: ['dev'],
      roles: 'public',
      rateLimit: DEV_ISSUER_RATE_LIMIT,
      target: {
        kind: 'local',
        operationId: 'dev.users',
        handle: () =>
          issuer.users().map(({ user, displayName, displayNameEn, principal }) => ({
            user,
            displayName,
            displayNameEn,
            principal,
          })),
      },
    },
    {
      method: 'POST',
      path: '/api/v1/dev/tokens',
      summary: { zh: '为演示用户签发访问令牌', en: 'Issue an access token for a demo user' },
      tags: ['dev'],
      roles: 'public',
      rateLimit: DEV_ISSUER_RATE_LIMIT,
      request: { name: 'DevTokenRequest', schema: DEV_TOKEN_REQUEST },
      target: {
        kind: 'local',
        operationId: 'dev.tokens',
        handle: async ({ payload }) => {
          const token = await issuer.issueFor(
            String(payload.user),
            payload.expiresInSeconds as number | undefined,
          );
          // the schema lists the demo users; this is the same check once more, for the type
          if (!token)
            throw GatewayErrors.invalidRequest([
              { path: 'user', reason: '未知演示用户', reasonEn: 'unknown demo user' },
            ]);
          return token;
        },
      },
    },
  ];
}
