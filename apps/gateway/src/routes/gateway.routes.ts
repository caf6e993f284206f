// The routes the gateway answers itself: who am I, and (JINENG_DEV_AUTH=enabled only) the
// development issuer. Services' routes live beside this file, one table per service.
import { ROLES } from '@jineng/messaging';
import { DEMO_USERS } from '../auth/demo-users';
import type { DevIssuer } from '../auth/dev-issuer';
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
