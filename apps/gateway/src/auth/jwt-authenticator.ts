// Authentication: a bearer JWT, verified against the issuer's published keys (JWKS) with its
// issuer and audience, then its claims mapped to a principal. Production and the development
// issuer go through this same code; they differ only in where the keys are fetched from.
import type { Principal } from '@jineng/messaging';
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { GatewayErrors, type AuthenticationFailure } from '../errors/gateway-error';
import { principalFromClaims } from './principal-from-claims';
import { VerifiedTokenCache } from './verified-token-cache';

export interface TokenVerification {
  readonly issuer: string;
  readonly audience: string;
  /** the issuer's keys, e.g. `createRemoteJWKSet(new URL(jwksUrl))` */
  readonly keys: JWTVerifyGetKey;
}

// asymmetric only: a shared secret (HS256) or `none` would let anyone holding it mint tokens
export const ACCEPTED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];
const CLOCK_TOLERANCE_SECONDS = 30;

export class JwtAuthenticator {
  /**
   * `undefined`: no issuer configured, every token is refused. `verified`: the tokens verified
   * lately (verified-token-cache.ts), so that a caller's next requests skip the signature check.
   */
  constructor(
    private readonly verification: TokenVerification | undefined,
    private readonly verified = new VerifiedTokenCache(),
  ) {}

  /** The principal of the `Authorization` header; undefined when there is none. */
  async authenticate(authorization: string | undefined): Promise<Principal | undefined> {
    if (authorization === undefined || authorization === '') return undefined;
    const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(authorization);
    if (!match) throw GatewayErrors.unauthenticated('malformed_authorization');
    if (!this.verification) throw GatewayErrors.unauthenticated('no_issuer_configured');
    const token = match[1] as string;
    const known = this.verified.get(token);
    if (known) return known;
    const { issuer, audience, keys } = this.verification;

    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw authenticationErrorOf(error);
    }
    const result = principalFromClaims(claims);
    if (!result.ok)
      throw GatewayErrors.unauthenticated('invalid_claim', {
        name: result.claim,
        zh: result.zh,
        en: result.en,
      });
    this.verified.remember(token, result.principal, claims.exp as number);
    return result.principal;
  }
}

function authenticationErrorOf(error: unknown): Error {
  if (
    error instanceof errors.JWTClaimValidationFailed &&
    !['iss', 'aud', 'nbf'].includes(error.claim) &&
    !(error instanceof errors.JWTExpired)
  ) {
    const claim = error.claim;
    return GatewayErrors.unauthenticated('invalid_claim', {
      name: claim,
      zh: `${claim} 缺失或无效`,
      en: `${claim} is missing or invalid`,
    });
  }
  const failure = failureOf(error);
  return failure ? GatewayErrors.unauthenticated(failure) : GatewayErrors.authenticationUnavailable();
}

/** undefined: not the token's fault (the JWKS could not be fetched) */
function failureOf(error: unknown): AuthenticationFailure | undefined {
  if (error instanceof errors.JWTExpired) return 'token_expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'wrong_issuer';
      case 'aud':
        return 'wrong_audience';
      case 'nbf':
        return 'token_not_yet_valid';
      default:
        return 'invalid_claim';
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'unknown_key';
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'algorithm_not_allowed';
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed_token';
  // JWKSTimeout, JWKSInvalid, a failed fetch: the issuer's side
  return undefined;
}
