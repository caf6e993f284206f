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

export class GatewayClient {
  private constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  /** With a token (production: the OIDC provider's), or signed in on the development issuer. */
  static async signIn(
    base: string,
    credentials: { token?: string; devUser?: string },
  ): Promise<GatewayClient> {
    if (credentials.token) return new GatewayClient(base, credentials.token);
    const response = await fetch(`${base}/api/v1/dev/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: credentials.devUser }),
    });
    if (response.status !== 200) throw await errorOf(response);
    return new GatewayClient(base, ((await response.json()) as { accessToken: string }).accessToken);
  }

  async get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const url = `${this.base}${path}${params.size > 0 ? `?${params}` : ''}`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw await errorOf(response);
    return (await response.json()) as T;
  }
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
