// A client of the gateway for the whole flow and the demo data: development tokens of the demo users,
// JSON in and out, and an Idempotency-Key derived from a namespace and the step's name — so the same
// step sent again (a second `npm start`, a retry after a fault) is answered as first recorded and
// appends nothing.
import { createHash } from 'node:crypto';

export interface Answer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the callers
  readonly body: Record<string, any>;
  readonly text: string;
  /** a 429's `Retry-After`, in seconds */
  readonly retryAfterSeconds?: number;
}

/** How long one request waits out the gateway's rate limit (429, `Retry-After`) before it gives up. */
export const RATE_LIMIT_PATIENCE_MS = 120_000;

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1): the same name gives the same id. */
export function nameUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(`${namespace}\u0000${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class GatewayError extends Error {
  constructor(
    readonly what: string,
    readonly answer: Answer,
  ) {
    super(`${what}: HTTP ${answer.status} ${answer.text.slice(0, 2000)}`);
  }
}

export class GatewayClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly url: string,
    /** the idempotency keys' namespace: one per flow (a test run, the demo) */
    readonly namespace: string,
    /** how long a request is retried while its service is away (0: never) */
    readonly retryForMs = 0,
  ) {}

  /** how many times a request was sent again because its service was away */
  retries = 0;
  /** how many times a request waited out the gateway's rate limit and was sent again */
  rateLimited = 0;

  id(name: string): string {
    return nameUuid(this.namespace, name);
  }

  async token(user: string): Promise<string> {
    const known = this.tokens.get(user);
    if (known) return known;
    const response = await fetch(`${this.url}/api/v1/dev/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    if (response.status !== 200)
      throw new Error(`no development token for ${user}: ${response.status} ${await response.text()}`);
    const token = ((await response.json()) as { accessToken: string }).accessToken;
    this.tokens.set(user, token);
    return token;
  }

  /**
   * One request; a command (not GET) carries the step's derived Idempotency-Key. While a service is
   * away (no connection, 502/503/504) the same request is sent again for up to `retryForMs`: the key
   * makes a command that did get through answer as first recorded. A 429 (the gateway's rate limit,
   * which a batch client like this one can outrun) is waited out as its `Retry-After` says, then sent
   * again, for up to RATE_LIMIT_PATIENCE_MS.
   */
  async call(
    user: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    step?: string,
  ): Promise<Answer> {
    const deadline = Date.now() + this.retryForMs;
    const patience = Date.now() + RATE_LIMIT_PATIENCE_MS;
    for (;;) {
      const answer = await this.once(user, method, path, body, step).catch((error: Error) => error);
      if (!(answer instanceof Error) && answer.status === 429 && Date.now() < patience) {
        this.rateLimited += 1;
        await new Promise((resolve) => setTimeout(resolve, 1_000 * (answer.retryAfterSeconds ?? 1)));
        continue;
      }
      const away = answer instanceof Error || [502, 503, 504].includes(answer.status);
      if (!away || Date.now() > deadline) {
        if (answer instanceof Error) throw answer;
        return answer;
      }
      this.retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private async once(
    user: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    step?: string,
  ): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(user ? { Authorization: `Bearer ${await this.token(user)}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(method !== 'GET' ? { 'Idempotency-Key': this.id(step ?? `${method} ${path}`) } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : {};
    } catch {
      parsed = {};
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      status: response.status,
      body: parsed,
      text,
      ...(response.status === 429 && retryAfter > 0 ? { retryAfterSeconds: Math.min(retryAfter, 60) } : {}),
    };
  }

  /** A command that must succeed (2xx); `alreadyDone` codes (a 409 of a natural id) count as done. */
  async must(
    user: string,
    method: string,
    path: string,
    body: unknown,
    step: string,
    alreadyDone: readonly string[] = [],
  ): Promise<Answer> {
    const answer = await this.call(user, method, path, body, step);
    if (answer.status >= 200 && answer.status < 300) return answer;
    if (answer.status === 409 && alreadyDone.includes(String(answer.body.code))) return answer;
    throw new GatewayError(step, answer);
  }

  async get(user: string | undefined, path: string): Promise<Answer> {
    const answer = await this.call(user, 'GET', path);
    if (answer.status !== 200) throw new GatewayError(`GET ${path}`, answer);
    return answer;
  }
}

/** The waits between a probe's tries: 250 ms at first, half as long again each time, at most 1 s. */
export function pollDelayMs(tries: number): number {
  return Math.min(1_000, Math.round(250 * 1.5 ** Math.max(0, tries - 1)));
}

/**
 * Retries `probe` until it returns without throwing (eventual consistency of read models). The waits
 * grow to a second: a long wait polls about once a second, within a signed-in user's limit of a route
 * (120 a minute by default).
 */
export async function until<T>(what: string, probe: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let tries = 1; ; tries += 1) {
    try {
      return await probe();
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms: ${(last as Error)?.message ?? String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, pollDelayMs(tries)));
  }
}

export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
