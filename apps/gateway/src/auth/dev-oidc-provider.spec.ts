import { envelopeKeyEnv } from '@jineng/testing';
import { gatewayConfigFromEnv } from '../config/gateway-config';
import { consoleSignIn } from '../routes/gateway.routes';
import { s256 } from './dev-oidc-provider';

describe('PKCE S256', () => {
  it('is the base64url SHA-256 of the verifier (RFC 7636 appendix B)', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});

describe('how the console signs in', () => {
  const OIDC = {
    JINENG_OIDC_ISSUER: 'https://sso.example.gov.cn/realms/jineng/',
    JINENG_OIDC_AUDIENCE: 'jineng-api',
    JINENG_OIDC_JWKS_URL: 'https://sso.example.gov.cn/realms/jineng/protocol/openid-connect/certs',
  };
  const auth = (env: NodeJS.ProcessEnv) =>
    gatewayConfigFromEnv({ ...env, ...envelopeKeyEnv('gateway') }).auth;

  it('discovers a real provider from its issuer, with the client id the environment names', () => {
    expect(
      consoleSignIn({
        mode: 'oidc',
        issuer: OIDC.JINENG_OIDC_ISSUER,
        audience: 'jineng-api',
        jwksUrl: OIDC.JINENG_OIDC_JWKS_URL,
        console: { clientId: 'jineng-console', scope: 'openid profile' },
      }),
    ).toEqual({
      discovery: 'https://sso.example.gov.cn/realms/jineng/.well-known/openid-configuration',
      clientId: 'jineng-console',
      scope: 'openid profile',
    });
    // no client id: an OIDC gateway the console cannot sign in to (API use only)
    expect(
      consoleSignIn({ mode: 'oidc', issuer: 'https://sso', audience: 'a', jwksUrl: 'https://sso/k' }),
    ).toBeNull();
    expect(consoleSignIn({ mode: 'none' })).toBeNull();
    expect(consoleSignIn({ mode: 'dev', audience: 'jineng-api', tokenTtlSeconds: 60 })).toEqual({
      discovery: '/.well-known/openid-configuration',
      clientId: 'jineng-console',
      scope: 'openid',
    });
  });

  it('reads JINENG_OIDC_CLIENT_ID and JINENG_OIDC_SCOPE, which must ask for openid', () => {
    expect(auth({ ...OIDC, JINENG_OIDC_CLIENT_ID: 'c' })).toEqual(
      expect.objectContaining({ mode: 'oidc', console: { clientId: 'c', scope: 'openid' } }),
    );
    expect(auth(OIDC)).not.toHaveProperty('console');
    expect(() => auth({ ...OIDC, JINENG_OIDC_CLIENT_ID: 'c', JINENG_OIDC_SCOPE: 'profile' })).toThrow(
      "JINENG_OIDC_SCOPE must include 'openid' (got 'profile')",
    );
  });
});
