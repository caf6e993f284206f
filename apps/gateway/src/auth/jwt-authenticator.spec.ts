import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import { GatewayError } from '../errors/gateway-error';
import { JwtAuthenticator } from './jwt-authenticator';
import { VerifiedTokenCache } from './verified-token-cache';

const ISSUER = 'https://sso.example.gov.cn/realms/jineng';
const AUDIENCE = 'jineng-api';
const CLAIMS = { roles: ['county_officer'], jurisdiction: '140802' };

describe('JwtAuthenticator', () => {
  let key: CryptoKey;
  let otherKey: CryptoKey;
  let authenticator: JwtAuthenticator;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    key = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
    authenticator = new JwtAuthenticator({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: createLocalJWKSet({ keys: [jwk] }),
    });
  });

  const token = (
    claims: JWTPayload = CLAIMS,
    options: {
      key?: CryptoKey;
      kid?: string;
      iss?: string;
      aud?: string;
      exp?: number;
      nbf?: number;
      sub?: string | null;
    } = {},
  ) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'k1' })
      .setIssuer(options.iss ?? ISSUER)
      .setAudience(options.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? now() + 600);
    if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
    if (options.sub !== null) jwt.setSubject(options.sub ?? 'user-1');
    return jwt.sign(options.key ?? key);
  };

  async function failure(
    authorization: string | Promise<string>,
    target = authenticator,
  ): Promise<GatewayError> {
    try {
      await target.authenticate(await authorization);
    } catch (error) {
      if (error instanceof GatewayError) return error;
      throw error;
    }
    throw new Error('expected the token to be refused');
  }
  const reasonOf = async (authorization: string | Promise<string>) =>
    (await failure(authorization)).details?.reason;

  it('turns a valid token into the principal', async () => {
    await expect(authenticator.authenticate(`Bearer ${await token()}`)).resolves.toEqual({
      userId: 'user-1',
      roles: ['county_officer'],
      jurisdiction: '140802',
    });
  });

  it('has no principal without an Authorization header (the route decides whether that is allowed)', async () => {
    await expect(authenticator.authenticate(undefined)).resolves.toBeUndefined();
  });

  it('refuses, with 401 and the reason', async () => {
    const error = await failure(`Bearer ${await token(CLAIMS, { exp: now() - 120 })}`);
    expect(error).toMatchObject({
      status: 401,
      code: 'GATEWAY.UNAUTHENTICATED',
      details: { reason: 'token_expired' },
    });
    expect(error.messageZh).toBe('身份验证失败：访问令牌已过期');

    expect(await reasonOf('Basic dXNlcjpwYXNz')).toBe('malformed_authorization');
    expect(await reasonOf('Bearer not.a.jwt')).toBe('malformed_token');
    expect(await reasonOf(`Bearer ${await token(CLAIMS, { key: otherKey })}`)).toBe('bad_signature');
    expect(await reasonOf(`Bearer ${await token(CLAIMS, { kid: 'k2' })}`)).toBe('unknown_key');
    expect(await reasonOf(`Bearer ${await token(CLAIMS, { nbf: now() + 3600 })}`)).toBe(
      'token_not_yet_valid',
    );
    expect(await reasonOf(`Bearer ${await token(CLAIMS, { iss: 'https://evil.example' })}`)).toBe(
      'wrong_issuer',
    );
    expect(await reasonOf(`Bearer ${await token(CLAIMS, { aud: 'another-app' })}`)).toBe('wrong_audience');
  });

  it('accepts a token a few seconds past its expiry (clock skew), not minutes', async () => {
    await expect(
      authenticator.authenticate(`Bearer ${await token(CLAIMS, { exp: now() - 5 })}`),
    ).resolves.toMatchObject({ roles: ['county_officer'], jurisdiction: '140802' });
  });

  it('refuses symmetric and unsigned tokens whatever their claims', async () => {
    const hs256 = await new SignJWT(CLAIMS)
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('user-1')
      .setExpirationTime(now() + 600)
      .sign(new TextEncoder().encode('a shared secret that anyone could hold'));
    expect(await reasonOf(`Bearer ${hs256}`)).toBe('algorithm_not_allowed');
    const [, payload] = hs256.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await reasonOf(`Bearer ${none}`)).toBe('algorithm_not_allowed');
  });

  it('names the claim that is missing or invalid', async () => {
    const noSub = await failure(`Bearer ${await token(CLAIMS, { sub: null })}`);
    expect(noSub.details).toEqual({ reason: 'invalid_claim', claim: 'sub' });
    const badRole = await failure(`Bearer ${await token({ ...CLAIMS, roles: ['root'] })}`);
    expect(badRole.details).toEqual({ reason: 'invalid_claim', claim: 'roles' });
    expect(badRole.messageEn).toContain('unknown role(s) root');
    const noJurisdiction = await failure(`Bearer ${await token({ roles: ['admin'] })}`);
    expect(noJurisdiction.details).toEqual({ reason: 'invalid_claim', claim: 'jurisdiction' });
  });

  it('refuses every token when no issuer is configured', async () => {
    const error = await failure(`Bearer ${await token()}`, new JwtAuthenticator(undefined));
    expect(error.details).toEqual({ reason: 'no_issuer_configured' });
  });

  it("answers 503 when the issuer's keys cannot be fetched: not the caller's fault", async () => {
    const unreachable = new JwtAuthenticator({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = await failure(`Bearer ${await token()}`, unreachable);
    expect(error).toMatchObject({ status: 503, code: 'GATEWAY.AUTHENTICATION_UNAVAILABLE' });
  });

  it('verifies a token once, then answers its principal from the cache until the cache or the token expires', async () => {
    const pair = await generateKeyPair('ES256');
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
    const local = createLocalJWKSet({ keys: [publicJwk] });
    let keyLookups = 0;
    let nowMs = Date.now();
    const counted = new JwtAuthenticator(
      {
        issuer: ISSUER,
        audience: AUDIENCE,
        keys: (header, input) => {
          keyLookups += 1;
          return local(header, input);
        },
      },
      new VerifiedTokenCache({ capacity: 10, maxAgeMs: 60_000, now: () => nowMs }),
    );
    const bearer = `Bearer ${await token(CLAIMS, { key: pair.privateKey })}`;
    const first = await counted.authenticate(bearer);
    expect(await counted.authenticate(bearer)).toEqual(first);
    expect(await counted.authenticate(bearer)).toEqual(first);
    expect(keyLookups).toBe(1);
    // a token differing in one character of its signature is verified (and refused), not served
    const tampered = `${bearer.slice(0, -2)}${bearer.endsWith('A') ? 'B' : 'A'}${bearer.slice(-1)}`;
    await expect(counted.authenticate(tampered)).rejects.toBeInstanceOf(GatewayError);
    expect(keyLookups).toBe(2);
    // after the cache's maximum age the token is verified again
    nowMs += 60_000;
    await counted.authenticate(bearer);
    expect(keyLookups).toBe(3);
  });
});
