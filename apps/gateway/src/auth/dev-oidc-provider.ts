// The development issuer as a minimal OIDC provider (JINENG_DEV_AUTH=enabled only, never in production):
// the authorization code grant with PKCE (S256) for the web console, one registered public client, and
// redirect URIs on an allow-list. A person picks a demo user on the authorization page; the console
// exchanges the code for the same access token `POST /api/v1/dev/tokens` gives (ADR 0020). Codes live in
// memory (one gateway process; a development machine), are single use and expire after `codeTtlSeconds`.
// It does no refresh tokens, no consent, no sessions at the provider, no other grant.
import { createHash, randomBytes } from 'node:crypto';
import { demoUser, type DemoUser } from './demo-users';
import type { DevIssuer } from './dev-issuer';

/** The web console's client id at the development provider. */
export const DEV_CONSOLE_CLIENT_ID = 'jineng-console';
/** The console's callback path; with the page's own origin, the only redirect URI the provider allows. */
export const CONSOLE_CALLBACK_PATH = '/auth/callback';
export const DEV_OIDC_PREFIX = '/api/v1/dev/oidc';
export const DEV_OIDC_AUTHORIZE_PATH = `${DEV_OIDC_PREFIX}/authorize`;
export const DEV_OIDC_TOKEN_PATH = `${DEV_OIDC_PREFIX}/token`;
export const OIDC_DISCOVERY_PATH = '/.well-known/openid-configuration';
export const DEFAULT_CODE_TTL_SECONDS = 60;

/** An OAuth 2.0 error (RFC 6749 §5.2, §4.1.2.1): `error` is the registered code. */
export class OAuthError extends Error {
  constructor(
    readonly error:
      | 'invalid_request'
      | 'invalid_client'
      | 'invalid_grant'
      | 'unsupported_grant_type'
      | 'unsupported_response_type'
      | 'access_denied',
    readonly description: string,
    readonly status = 400,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
  }
}

/** What an authorization request carries (RFC 6749 §4.1.1, RFC 7636 §4.3). */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly responseType: string;
  readonly state: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod: string;
  readonly scope: string;
  readonly nonce?: string;
}

interface IssuedCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly user: DemoUser;
  readonly nonce?: string;
  readonly expiresAt: number;
}

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly id_token: string;
  readonly scope: string;
}

/** base64url without padding (RFC 7636 appendix A) */
const base64url = (bytes: Buffer) => bytes.toString('base64url');
/** RFC 7636 §4.1: 43 to 128 of the unreserved characters */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** a S256 challenge: base64url of 32 bytes */
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export function s256(verifier: string): string {
  return base64url(createHash('sha256').update(verifier, 'ascii').digest());
}

export interface DevOidcOptions {
  /** milliseconds since the epoch; tests move it to expire codes */
  readonly now?: () => number;
  readonly codeTtlSeconds?: number;
}

export class DevOidcProvider {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly now: () => number;
  private readonly codeTtlSeconds: number;

  constructor(
    private readonly issuer: DevIssuer,
    options: DevOidcOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.codeTtlSeconds = options.codeTtlSeconds ?? DEFAULT_CODE_TTL_SECONDS;
  }

  /** The discovery document (OpenID Connect Discovery 1.0 §3) for a provider reached at `origin`. */
  configuration(origin: string): Record<string, unknown> {
    return {
      issuer: this.issuer.issuer,
      authorization_endpoint: `${origin}${DEV_OIDC_AUTHORIZE_PATH}`,
      token_endpoint: `${origin}${DEV_OIDC_TOKEN_PATH}`,
      jwks_uri: `${origin}/api/v1/dev/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid'],
      claims_supported: ['sub', 'name', 'roles', 'jurisdiction', 'institution_id', 'enterprise_id'],
    };
  }

  /**
   * Whether the client and redirect URI are registered: the console's client id, and its callback path
   * on the origin the request came to (`origin`) — never another origin, so no open redirect. Until
   * both hold the provider must not redirect at all (RFC 6749 §4.1.2.1): it answers an error page.
   */
  checkClient(request: Pick<AuthorizationRequest, 'clientId' | 'redirectUri'>, origin: string): void {
    if (request.clientId !== DEV_CONSOLE_CLIENT_ID)
      throw new OAuthError('invalid_client', `unknown client_id '${request.clientId}'`, 401);
    if (request.redirectUri !== `${origin}${CONSOLE_CALLBACK_PATH}`)
      throw new OAuthError('invalid_request', 'redirect_uri is not registered for this client');
  }

  /** The rest of the request, once client and redirect URI are known good: errors go back to the client. */
  checkRequest(request: AuthorizationRequest): void {
    if (request.responseType !== 'code')
      throw new OAuthError('unsupported_response_type', "response_type must be 'code'");
    if (request.codeChallengeMethod !== 'S256')
      throw new OAuthError('invalid_request', "code_challenge_method must be 'S256'");
    if (!CHALLENGE.test(request.codeChallenge))
      throw new OAuthError('invalid_request', 'code_challenge must be the base64url SHA-256 of the verifier');
    if (request.state === '') throw new OAuthError('invalid_request', 'state is required');
    if (!request.scope.split(' ').includes('openid'))
      throw new OAuthError('invalid_request', "scope must include 'openid'");
  }

  /** A code for `userName`, bound to the request's client, redirect URI and challenge. */
  authorize(request: AuthorizationRequest, origin: string, userName: string): string {
    this.checkClient(request, origin);
    this.checkRequest(request);
    const user = demoUser(userName);
    if (!user) throw new OAuthError('invalid_request', `unknown demo user '${userName}'`);
    this.forgetExpired();
    const code = base64url(randomBytes(32));
    this.codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      user,
      ...(request.nonce ? { nonce: request.nonce } : {}),
      expiresAt: this.now() + this.codeTtlSeconds * 1000,
    });
    return code;
  }

  /** The token endpoint (RFC 6749 §4.1.3, RFC 7636 §4.5): the form's fields as given. */
  async exchange(form: URLSearchParams): Promise<TokenResponse> {
    const field = (name: string) => form.get(name) ?? '';
    if (field('grant_type') !== 'authorization_code')
      throw new OAuthError('unsupported_grant_type', "grant_type must be 'authorization_code'");
    for (const name of ['code', 'redirect_uri', 'client_id', 'code_verifier'])
      if (field(name) === '') throw new OAuthError('invalid_request', `${name} is required`);
    if (field('client_id') !== DEV_CONSOLE_CLIENT_ID)
      throw new OAuthError('invalid_client', `unknown client_id '${field('client_id')}'`, 401);
    if (!VERIFIER.test(field('code_verifier')))
      throw new OAuthError('invalid_request', 'code_verifier must be 43 to 128 unreserved characters');

    // single use: the code is gone at its first presentation, whatever comes of it
    const issued = this.codes.get(field('code'));
    this.codes.delete(field('code'));
    if (!issued) throw new OAuthError('invalid_grant', 'the code is unknown or was already used');
    if (this.now() >= issued.expiresAt) throw new OAuthError('invalid_grant', 'the code has expired');
    if (issued.clientId !== field('client_id'))
      throw new OAuthError('invalid_grant', 'the code was issued to another client');
    if (issued.redirectUri !== field('redirect_uri'))
      throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorization request');
    if (s256(field('code_verifier')) !== issued.codeChallenge)
      throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');

    const token = await this.issuer.issueFor(issued.user.user);
    if (!token) throw new OAuthError('invalid_grant', 'the demo user is gone');
    const seconds = Math.floor(this.now() / 1000);
    const idToken = await this.issuer.sign(
      {
        name: issued.user.displayName,
        'name#en': issued.user.displayNameEn,
        ...(issued.nonce ? { nonce: issued.nonce } : {}),
      },
      {
        subject: issued.user.principal.userId,
        audience: DEV_CONSOLE_CLIENT_ID,
        issuedAt: seconds,
        expiresAt: seconds + token.expiresIn,
      },
    );
    return {
      access_token: token.accessToken,
      token_type: 'Bearer',
      expires_in: token.expiresIn,
      id_token: idToken,
      scope: 'openid',
    };
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [code, issued] of this.codes) if (now >= issued.expiresAt) this.codes.delete(code);
  }
}
