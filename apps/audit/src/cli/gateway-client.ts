// The CLI's way in: the gateway's HTTP API as a signed-in auditor — never the database — so every
// question goes through the same authentication, jurisdiction scope and rate limits as the console.
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** How long one question waits out the gateway's rate limit (429 and its `Retry-After`) before giving up. */
export const RATE_LIMIT_PATIENCE_MS = 120_000;
/** The longest single wait a `Retry-After` is taken at (a larger one is waited in steps of this). */
const LONGEST_WAIT_S = 60;

export interface RateLimitWaits {
  /** told each wait, for the user: the CLI writes it on stderr */
  readonly notice?: (text: string) => void;
  readonly patienceMs?: number;
}

export class GatewayClient {
  private constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly waits: RateLimitWaits,
  ) {}

  /**
   * With a token (production: the OIDC provider's), or signed in on the development issuer. A long run
   * (a timeline of many pages, hundreds of claims recomputed) can outrun the gateway's rate limit: a
   * 429 is then waited out as its `Retry-After` says, told through `waits.notice`, and asked again.
   */
  static async signIn(
    base: string,
    credentials: { token?: string; devUser?: string },
    waits: RateLimitWaits = {},
  ): Promise<GatewayClient> {
    if (credentials.token) return new GatewayClient(base, credentials.token, waits);
    const response = await fetch(`${base}/api/v1/dev/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: credentials.devUser }),
    });
    if (response.status !== 200) throw await errorOf(response);
    return new GatewayClient(base, ((await response.json()) as { accessToken: string }).accessToken, waits);
  }

  async get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const url = `${this.base}${path}${params.size > 0 ? `?${params}` : ''}`;
    const patience = Date.now() + (this.waits.patienceMs ?? RATE_LIMIT_PATIENCE_MS);
    for (;;) {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${this.token}` } });
      if (response.ok) return (await response.json()) as T;
      const waitS = response.status === 429 ? retryAfterSeconds(response) : undefined;
      if (waitS === undefined || Date.now() + waitS * 1000 > patience) throw await errorOf(response);
      await response.body?.cancel();
      this.waits.notice?.(
        `网关限流 (HTTP 429)，等待 ${waitS} 秒后重试 / rate limited by the gateway (HTTP 429): asking again in ${waitS} s\n`,
      );
      await new Promise((resolve) => setTimeout(resolve, waitS * 1000));
    }
  }
}

/** A 429's `Retry-After` in whole seconds (at least 1, at most LONGEST_WAIT_S); a date or nothing counts as 1. */
function retryAfterSeconds(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(Math.ceil(seconds), LONGEST_WAIT_S) : 1;
}

async function errorOf(response: Response): Promise<GatewayError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as {
      code?: string;
      message?: string;
      messageEn?: string;
      violations?: unknown;
    };
    const message = [body.message, body.messageEn].filter(Boolean).join(' / ');
    const violations = body.violations ? ` ${JSON.stringify(body.violations)}` : '';
    return new GatewayError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      `${message}${violations}`,
    );
  } catch {
    return new GatewayError(response.status, `HTTP_${response.status}`, text.slice(0, 500));
  }
}
