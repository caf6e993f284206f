// Authenticated envelopes (ARCHITECTURE §3, docs/adr/0002-messaging.md "Trust boundary",
// docs/adr/0022-per-service-envelope-keys.md). The gateway MACs every command and query it sends with
// the key of the service it is for; a service verifies before any handler runs. The MAC (HMAC-SHA256)
// covers the whole envelope (principal, correlation, command and causation ids, sent-at), the subject
// it is sent on, the payload's digest (sha256 of its canonical JSON, which the service recomputes from
// the payload it received), when it was issued and until when it holds (at most 60 s), and the key id.
//
// Cheap on both sides: the gateway sends envelope and payload with their keys in canonical order, so
// that the service's plain `JSON.stringify` of what it parsed is already the canonical text; only when
// that does not match (someone re-serialised the request in another key order) does the service
// canonicalise. Either way what is accepted is exactly what the gateway MACed.
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import type { commonV1 } from '@jineng/contracts';
import { canonicalCopy, canonicalJson } from '@jineng/ddd';
import type { Envelope, RpcRequest } from '../envelope';
import {
  ENVELOPE_MAC_ALG,
  type EnvelopeMacKey,
  type GatewayEnvelopeKeys,
  type ServiceEnvelopeKeys,
} from './envelope-mac-keys';
import { UntrustedRequest, type UntrustedReason } from './untrusted-request';

export type EnvelopeSignature = commonV1.EnvelopeSignature;
type Claims = Omit<EnvelopeSignature, 'value'>;

/** The longest a signature may hold: a captured request is worthless after it. */
export const MAX_SIGNATURE_LIFETIME_MS = 60_000;
/** How long the gateway's signatures hold: requests are delivered at once, or not at all. */
export const DEFAULT_SIGNATURE_LIFETIME_MS = 30_000;
/** Clocks of the gateway and the services may differ this much. */
export const CLOCK_SKEW_MS = 5_000;

/**
 * The exact text MACed: the claims one per line, then the canonical JSON of the envelope without its
 * signature. No claim can hold a newline (the verifier checks their shape first), so the text is
 * unambiguous.
 */
function mac(key: EnvelopeMacKey, claims: Claims, envelopeText: string): Buffer {
  return createHmac('sha256', key.secret)
    .update(
      `jineng.envelope.v1\n${claims.alg}\n${claims.keyId}\n${claims.subject}\n${claims.payloadSha256}\n${claims.issuedAt}\n${claims.expiresAt}\n${envelopeText}`,
    )
    .digest();
}

/** `jineng.cmd.<service>.<Name>` → `<service>` */
const serviceOf = (subject: string): string | undefined => subject.split('.', 4)[2];

const sha256 = (text: string): string => hash('sha256', text, 'hex');

export class EnvelopeSigner {
  private readonly lifetimeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly keys: GatewayEnvelopeKeys,
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

  /** The id of the key requests to `service` are MACed with; undefined when the gateway has none. */
  keyIdFor(service: string): string | undefined {
    return this.keys.get(service)?.keyId;
  }

  /** The services this signer has keys for. */
  get services(): string[] {
    return [...this.keys.keys()];
  }

  /**
   * The request with its envelope signed for `subject` with the key of the subject's service (any
   * signature it had is replaced), envelope and payload in canonical key order.
   */
  sign<P>(subject: string, request: RpcRequest<P>): RpcRequest<P> {
    const service = serviceOf(subject);
    const key = service === undefined ? undefined : this.keys.get(service);
    if (!key)
      throw new Error(
        `no envelope key for service '${service ?? subject}': the gateway's key file (JINENG_ENVELOPE_SIGNING_KEY_FILE) must hold one`,
      );
    const issued = this.now();
    const { signature: _old, ...unsigned } = request.envelope;
    const envelope = canonicalCopy(unsigned) as Envelope;
    const payload = canonicalCopy(request.payload) as P;
    const claims: Claims = {
      alg: ENVELOPE_MAC_ALG,
      keyId: key.keyId,
      subject,
      payloadSha256: sha256(JSON.stringify(payload) ?? 'null'),
      issuedAt: new Date(issued).toISOString(),
      expiresAt: new Date(issued + this.lifetimeMs).toISOString(),
    };
    const value = mac(key, claims, JSON.stringify(envelope)).toString('base64url');
    (envelope as { signature?: EnvelopeSignature }).signature = { ...claims, value };
    return { envelope, payload };
  }
}

const SUBJECT = /^[!-~]{1,255}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const MAC_VALUE = /^[A-Za-z0-9_-]{43}$/;

/** The contract's shape (jineng.common.v1.EnvelopeSignature), checked by hand: this runs on every request. */
function wellFormed(signature: unknown): signature is EnvelopeSignature {
  const s = signature as Partial<EnvelopeSignature> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    s.alg === ENVELOPE_MAC_ALG &&
    typeof s.keyId === 'string' &&
    typeof s.subject === 'string' &&
    SUBJECT.test(s.subject) &&
    typeof s.payloadSha256 === 'string' &&
    SHA256_HEX.test(s.payloadSha256) &&
    typeof s.issuedAt === 'string' &&
    TIME.test(s.issuedAt) &&
    typeof s.expiresAt === 'string' &&
    TIME.test(s.expiresAt) &&
    typeof s.value === 'string' &&
    MAC_VALUE.test(s.value)
  );
}

export class EnvelopeVerifier {
  private readonly now: () => number;

  constructor(
    private readonly keys: ServiceEnvelopeKeys,
    options: { now?: () => number } = {},
  ) {
    if (keys.size === 0) throw new TypeError('an envelope verifier needs at least one key');
    this.now = options.now ?? Date.now;
  }

  /**
   * Throws `UntrustedRequest` (forbidden) unless `data` is a request whose envelope the gateway
   * MACed with one of this service's keys, for this `subject`, now, over this payload. Checks the
   * MAC first, so that every other reason given is about what the gateway really sent.
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
    if (!wellFormed(signature)) return refuse('malformed');
    const key = this.keys.get(signature.keyId);
    if (!key) return refuse('unknown_key');
    const { value, ...claims } = signature;
    const expected = Buffer.from(value, 'base64url');
    const { signature: _signature, ...unsigned } = envelope;
    const asReceived = JSON.stringify(unsigned);
    if (!timingSafeEqual(mac(key, claims, asReceived), expected)) {
      // re-serialised in another key order on the way? the canonical text is what was MACed
      const canonical = canonicalJson(unsigned);
      if (canonical === asReceived || !timingSafeEqual(mac(key, claims, canonical), expected))
        return refuse('bad_signature');
    }
    if (claims.subject !== subject) return refuse('wrong_subject');
    const issued = Date.parse(claims.issuedAt);
    const expires = Date.parse(claims.expiresAt);
    const now = this.now();
    if (!(expires - issued <= MAX_SIGNATURE_LIFETIME_MS && expires > issued))
      return refuse('lifetime_too_long');
    if (issued > now + CLOCK_SKEW_MS) return refuse('not_yet_valid');
    if (now > expires) return refuse('expired');
    const payloadAsReceived = JSON.stringify(request!.payload) ?? 'null';
    if (sha256(payloadAsReceived) !== claims.payloadSha256) {
      const canonical = canonicalJson(request!.payload);
      if (canonical === payloadAsReceived || sha256(canonical) !== claims.payloadSha256)
        return refuse('payload_mismatch');
    }
  }
}
