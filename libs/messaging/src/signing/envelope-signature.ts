// Signed envelopes (ARCHITECTURE §3, docs/adr/0002-messaging.md "Trust boundary"). The gateway signs
// every command and query it sends; a service verifies before any handler runs. The signature covers
// the whole envelope (principal, correlation, command and causation ids, sent-at), the subject it is
// sent on, the payload's digest (sha256 of its canonical JSON, which the service recomputes from the
// payload it received), when it was issued and until when it holds (at most 60 s), and the key id.
import { sign, verify } from 'node:crypto';
import { validateContract, type commonV1 } from '@jineng/contracts';
import { canonicalJson, jsonDigest } from '@jineng/ddd';
import type { Envelope, RpcRequest } from '../envelope';
import type { EnvelopeSigningKey, EnvelopeVerifyKeys } from './envelope-keys';
import { UntrustedRequest, type UntrustedReason } from './untrusted-request';

export type EnvelopeSignature = commonV1.EnvelopeSignature;

/** The longest a signature may hold: a captured request is worthless after it. */
export const MAX_SIGNATURE_LIFETIME_MS = 60_000;
/** How long the gateway's signatures hold: requests are delivered at once, or not at all. */
export const DEFAULT_SIGNATURE_LIFETIME_MS = 30_000;
/** Clocks of the gateway and the services may differ this much. */
export const CLOCK_SKEW_MS = 5_000;

/** The exact text signed: everything but the signature value, keys sorted. */
function signedText(envelope: Envelope, claims: Omit<EnvelopeSignature, 'value'>): Buffer {
  const { signature: _value, ...unsigned } = envelope;
  return Buffer.from(canonicalJson({ ...claims, envelope: unsigned }), 'utf8');
}

export class EnvelopeSigner {
  private readonly lifetimeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly key: EnvelopeSigningKey,
    options: { lifetimeMs?: number; now?: () => number } = {},
  ) {
    this.lifetimeMs = options.lifetimeMs ?? DEFAULT_SIGNATURE_LIFETIME_MS;
    if (
      !Number.isInteger(this.lifetimeMs) ||
      this.lifetimeMs < 1 ||
      this.lifetimeMs > MAX_SIGNATURE_LIFETIME_MS
    )
      throw new RangeError(
        `signature lifetime must be 1 to ${MAX_SIGNATURE_LIFETIME_MS} ms, got ${this.lifetimeMs}`,
      );
    this.now = options.now ?? Date.now;
  }

  get keyId(): string {
    return this.key.keyId;
  }

  /** The request with its envelope signed for `subject` (any signature it had is replaced). */
  sign<P>(subject: string, request: RpcRequest<P>): RpcRequest<P> {
    const issued = this.now();
    const claims: Omit<EnvelopeSignature, 'value'> = {
      alg: 'Ed25519',
      keyId: this.key.keyId,
      subject,
      payloadSha256: jsonDigest(request.payload),
      issuedAt: new Date(issued).toISOString(),
      expiresAt: new Date(issued + this.lifetimeMs).toISOString(),
    };
    const value = sign(null, signedText(request.envelope, claims), this.key.privateKey).toString('base64url');
    const { signature: _old, ...envelope } = request.envelope;
    return { envelope: { ...envelope, signature: { ...claims, value } }, payload: request.payload };
  }
}

export class EnvelopeVerifier {
  private readonly now: () => number;

  constructor(
    private readonly keys: EnvelopeVerifyKeys,
    options: { now?: () => number } = {},
  ) {
    if (keys.size === 0) throw new TypeError('an envelope verifier needs at least one key');
    this.now = options.now ?? Date.now;
  }

  /**
   * Throws `UntrustedRequest` (forbidden) unless `data` is a request whose envelope the gateway
   * signed, for this `subject`, now, over this payload. Checks the signature first, so that every
   * other reason given is about what the gateway really signed.
   */
  verify(subject: string, data: unknown): void {
    const refuse = (reason: UntrustedReason): never => {
      throw new UntrustedRequest({ subject, reason });
    };
    const request = data as Partial<RpcRequest> | null;
    const envelope = typeof request === 'object' && request !== null ? request.envelope : undefined;
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope))
      return refuse('unsigned');
    const signature = envelope.signature;
    if (signature === undefined) return refuse('unsigned');
    if (!validateContract('jineng.common.v1.EnvelopeSignature', signature).ok) return refuse('malformed');
    const key = this.keys.get(signature.keyId);
    if (!key) return refuse('unknown_key');
    const { value, ...claims } = signature;
    if (!verify(null, signedText(envelope, claims), key, Buffer.from(value, 'base64url')))
      return refuse('bad_signature');
    if (claims.subject !== subject) return refuse('wrong_subject');
    const issued = Date.parse(claims.issuedAt);
    const expires = Date.parse(claims.expiresAt);
    const now = this.now();
    if (expires - issued > MAX_SIGNATURE_LIFETIME_MS || expires <= issued) return refuse('lifetime_too_long');
    if (issued > now + CLOCK_SKEW_MS) return refuse('not_yet_valid');
    if (now > expires) return refuse('expired');
    if (jsonDigest(request!.payload) !== claims.payloadSha256) return refuse('payload_mismatch');
  }
}
