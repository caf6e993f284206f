// The principals of bearer tokens verified lately. Checking an ES256/RS256 signature is the largest
// single cost of a request in the gateway (a profile of the whole gateway under load: ~18 % of its CPU,
// more than routing, validation and the envelope's MAC together), and a console or a check-in
// terminal sends the same token with every request. Only a token whose signature, issuer, audience
// and times were verified is kept, under its exact text, and for no longer than it is valid and at
// most `maxAgeMs` (a minute: about as long as an issuer's key set is cached anyway, so a withdrawn key
// is not honoured much longer than without this cache). Bounded: the least recently used goes first.
import type { Principal } from '@jineng/messaging';

export const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;
export const VERIFIED_TOKEN_CAPACITY = 10_000;

interface Entry {
  readonly principal: Principal;
  readonly validUntilMs: number;
}

export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: { maxAgeMs: number; capacity: number; now: () => number } = {
      maxAgeMs: VERIFIED_TOKEN_MAX_AGE_MS,
      capacity: VERIFIED_TOKEN_CAPACITY,
      now: Date.now,
    },
  ) {}

  /** The principal of `token` if it was verified lately and has not expired since. */
  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (this.options.now() >= entry.validUntilMs) return undefined;
    this.entries.set(token, entry); // most recently used last
    return entry.principal;
  }

  /** Keeps a verified token's principal until its `exp` (seconds) or the cache's maximum age. */
  remember(token: string, principal: Principal, expiresAtSeconds: number): void {
    const validUntilMs = Math.min(expiresAtSeconds * 1000, this.options.now() + this.options.maxAgeMs);
    if (validUntilMs <= this.options.now()) return;
    this.entries.delete(token);
    this.entries.set(token, { principal, validUntilMs });
    while (this.entries.size > this.options.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
