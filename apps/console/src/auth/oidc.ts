// Signing in with OpenID Connect: the authorization code flow with PKCE (RFC 7636, S256), as a public
// client in the browser (ADR 0020). The gateway says which provider (GET /api/v1/console-config): the
// development issuer on a development platform, the configured provider in production. The verifier and
// state are made with Web Crypto and kept in sessionStorage (this tab) until the callback uses them.

export interface SignInConfig {
  /** the provider's discovery document: absolute, or a path on the console's origin */
  readonly discovery: string;
  readonly clientId: string;
  readonly scope: string;
}

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

/** What the callback needs, kept while the browser is at the provider. */
interface PendingSignIn {
  readonly state: string;
  readonly verifier: string;
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly redirectUri: string;
}

export const CALLBACK_PATH = '/auth/callback';
const PENDING_KEY = 'jineng.console.oidc';

let configRequest: Promise<SignInConfig | null> | undefined;

/** The gateway's word on how to sign in (null: no sign-in here), asked once per page load. */
export function signInConfig(): Promise<SignInConfig | null> {
  configRequest ??= fetch('/api/v1/console-config').then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return ((await response.json()) as { signIn: SignInConfig | null }).signIn;
  });
  configRequest.catch(() => (configRequest = undefined));
  return configRequest;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function discover(config: SignInConfig): Promise<Discovery> {
  const response = await fetch(new URL(config.discovery, window.location.origin));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const document = (await response.json()) as Partial<Discovery>;
  if (!document.authorization_endpoint || !document.token_endpoint)
    throw new Error('the discovery document names no authorization or token endpoint');
  return document as Discovery;
}

/** Off to the provider's sign-in page; the browser comes back at CALLBACK_PATH. */
export async function beginSignIn(config: SignInConfig, lang: 'zh' | 'en'): Promise<void> {
  const endpoints = await discover(config);
  const pending: PendingSignIn = {
    state: randomString(),
    verifier: randomString(),
    tokenEndpoint: endpoints.token_endpoint,
    clientId: config.clientId,
    redirectUri: `${window.location.origin}${CALLBACK_PATH}`,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const target = new URL(endpoints.authorization_endpoint);
  target.search = new URLSearchParams({
    response_type: 'code',
    client_id: pending.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope,
    state: pending.state,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
    // the page in the console's language, where the provider has it (OIDC Core §3.1.2.1)
    ui_locales: lang === 'zh' ? 'zh-CN' : 'en',
  }).toString();
  window.location.assign(target.toString());
}

export class SignInRefused extends Error {
  constructor(
    readonly reason: 'state' | 'provider' | 'exchange',
    detail: string,
  ) {
    super(detail);
    this.name = 'SignInRefused';
  }
}

export interface SignedIn {
  readonly accessToken: string;
  /** from the id token: the name to greet with, when the provider gives one */
  readonly displayName?: { zh: string; en: string };
}

/**
 * The callback: the state must be the one this tab sent; the code is exchanged with the verifier. The
 * pending sign-in is gone afterwards, whatever the outcome (a code is good once).
 */
export async function completeSignIn(search: string): Promise<SignedIn> {
  const params = new URLSearchParams(search);
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = stored ? (JSON.parse(stored) as PendingSignIn) : undefined;
  if (!pending || params.get('state') !== pending.state)
    throw new SignInRefused('state', 'the answer is not for a sign-in this tab started');
  const error = params.get('error');
  if (error) throw new SignInRefused('provider', `${error}: ${params.get('error_description') ?? ''}`);
  const code = params.get('code');
  if (!code) throw new SignInRefused('provider', 'no code');

  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }).toString(),
  });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    id_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token)
    throw new SignInRefused(
      'exchange',
      `${body.error ?? `HTTP ${response.status}`}: ${body.error_description ?? ''}`,
    );
  const displayName = body.id_token ? namesIn(body.id_token) : undefined;
  return { accessToken: body.access_token, ...(displayName ? { displayName } : {}) };
}

/** Sign-out, or a sign-in given up: nothing of it stays in this tab. */
export function forgetPendingSignIn(): void {
  sessionStorage.removeItem(PENDING_KEY);
}

/**
 * The names in the id token, for the greeting only (the gateway authorizes by the access token, which it
 * verifies): `name`, and `name#en` where the provider gives one (OIDC's language-tagged claims).
 */
function namesIn(idToken: string): { zh: string; en: string } | undefined {
  try {
    const part = idToken.split('.')[1] ?? '';
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    const claims = JSON.parse(json) as Record<string, unknown>;
    const zh = typeof claims.name === 'string' ? claims.name : undefined;
    const en = typeof claims['name#en'] === 'string' ? (claims['name#en'] as string) : zh;
    return zh && en ? { zh, en } : undefined;
  } catch {
    return undefined;
  }
}
