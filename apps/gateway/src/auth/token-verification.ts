// Where the authenticator gets the issuer's keys from. Both modes fetch a JWKS over HTTP with jose's
// remote key set (cached, refetched on an unknown key id): production from the OIDC provider, the
// development issuer from the gateway's own /api/v1/dev/jwks.
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../config/gateway-config';
import { DEV_ISSUER } from './dev-issuer';
import type { TokenVerification } from './jwt-authenticator';

export const DEV_JWKS_PATH = '/api/v1/dev/jwks';

/** `ownUrl`: the gateway's base URL, known once it listens (hence a function). */
export function tokenVerificationFor(auth: AuthConfig, ownUrl: () => URL): TokenVerification | undefined {
  switch (auth.mode) {
    case 'oidc':
      return {
        issuer: auth.issuer,
        audience: auth.audience,
        keys: createRemoteJWKSet(new URL(auth.jwksUrl)),
      };
    case 'dev':
      return {
        issuer: DEV_ISSUER,
        audience: auth.audience,
        keys: lazily(() => createRemoteJWKSet(new URL(DEV_JWKS_PATH, ownUrl()))),
      };
    case 'none':
      return undefined;
  }
}

function lazily(create: () => JWTVerifyGetKey): JWTVerifyGetKey {
  let keys: JWTVerifyGetKey | undefined;
  return (header, token) => (keys ??= create())(header, token);
}
