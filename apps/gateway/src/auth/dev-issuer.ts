// The development token issuer (JINENG_DEV_AUTH=enabled, never in production): a key pair made at
// start, its public half served as a JWKS, and tokens for the demo users. The gateway verifies these
// tokens like any OIDC provider's — fetching this JWKS over HTTP — so local runs exercise the
// production path.
import type { Principal } from '@jineng/messaging';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { DEMO_USERS, demoUser, type DemoUser } from './demo-users';

export const DEV_ISSUER = 'urn:jineng:dev-issuer';
const ALGORITHM = 'ES256';

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** seconds */
  readonly expiresIn: number;
  readonly principal: Principal;
}

export class DevIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    readonly audience: string,
    private readonly ttlSeconds: number,
  ) {}

  static async create(options: { audience: string; tokenTtlSeconds: number }): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM);
    const jwk = await exportJWK(publicKey);
    const publicJwk: JWK = { ...jwk, kid: `dev-${randomUUID()}`, alg: ALGORITHM, use: 'sig' };
    return new DevIssuer(privateKey, publicJwk, options.audience, options.tokenTtlSeconds);
  }

  get issuer(): string {
    return DEV_ISSUER;
  }

  /** The public key set, as served at `/api/v1/dev/jwks`. */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk }] };
  }

  users(): readonly DemoUser[] {
    return DEMO_USERS;
  }

  /** undefined for an unknown demo user name */
  async issueFor(name: string, expiresInSeconds = this.ttlSeconds): Promise<IssuedToken | undefined> {
    const demo = demoUser(name);
    if (!demo) return undefined;
    const { userId, roles, jurisdiction, institutionId, enterpriseId } = demo.principal;
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await this.sign(
      {
        roles: [...roles],
        jurisdiction,
        ...(institutionId ? { institution_id: institutionId } : {}),
        ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
      },
      { subject: userId, issuedAt: now, expiresAt: now + expiresInSeconds },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: expiresInSeconds, principal: demo.principal };
  }

  /** Any claims, signed with this issuer's key: for the demo users above, and for tests of bad tokens. */
  sign(
    claims: JWTPayload,
    times: { subject?: string; issuedAt: number; expiresAt: number; audience?: string; issuer?: string },
  ): Promise<string> {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid, typ: 'JWT' })
      .setIssuer(times.issuer ?? DEV_ISSUER)
      .setAudience(times.audience ?? this.audience)
      .setIssuedAt(times.issuedAt)
      .setExpirationTime(times.expiresAt)
      .setJti(randomUUID());
    if (times.subject !== undefined) jwt.setSubject(times.subject);
    return jwt.sign(this.privateKey);
  }
}
