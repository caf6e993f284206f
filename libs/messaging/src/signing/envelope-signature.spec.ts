import { isDomainError } from '@jineng/ddd';
import type { Envelope, RpcRequest } from '../envelope';
import { generateEnvelopeKeys, signingKeyFromJwk, verifyKeysFromJwks } from './envelope-keys';
import { EnvelopeSigner, EnvelopeVerifier, MAX_SIGNATURE_LIFETIME_MS } from './envelope-signature';
import type { UntrustedRequest } from './untrusted-request';

const SUBJECT = 'jineng.cmd.registry.RevealWorkerPersonalData';
const NOW = Date.parse('2026-03-02T01:00:00.000Z');

const pair = generateEnvelopeKeys('gateway-2026-03');
const other = generateEnvelopeKeys('intruder');
const signer = new EnvelopeSigner(signingKeyFromJwk(pair.signingJwk), { now: () => NOW });
const verifierAt = (at: number, keys = verifyKeysFromJwks(pair.verifyJwks)) =>
  new EnvelopeVerifier(keys, { now: () => at });
const verifier = verifierAt(NOW + 1_000);

const request: RpcRequest<Record<string, unknown>> = {
  envelope: {
    principal: { userId: 'officer-1', roles: ['county_officer'], jurisdiction: '140802' },
    correlationId: 'corr-1',
    commandId: '3f2504e0-4f89-51d3-9a0c-0305e82c3301',
    sentAt: '2026-03-02T01:00:00.000Z',
  },
  payload: {
    workerId: '2c1d0e9f-8a7b-4c6d-9e5f-4a3b2c1d0e9f',
    purpose: '核对申领材料',
    nested: { b: 1, a: [2, 1] },
  },
};

function refusal(verify: () => void): UntrustedRequest {
  try {
    verify();
  } catch (error) {
    expect(isDomainError(error)).toBe(true);
    return error as UntrustedRequest;
  }
  throw new Error('expected MESSAGING.UNTRUSTED_REQUEST');
}

const reasonOf = (data: unknown, subject = SUBJECT, at = verifier) => {
  const error = refusal(() => at.verify(subject, data));
  expect(error.code).toBe('MESSAGING.UNTRUSTED_REQUEST');
  expect(error.category).toBe('forbidden');
  expect(error.messageZh).toContain(subject);
  expect(error.messageEn).toContain('nothing was done');
  return error.details.reason;
};

describe('signed envelopes', () => {
  it('sign the whole envelope, the subject, the payload digest, the times and the key id', () => {
    const signed = signer.sign(SUBJECT, request);
    expect(signed.payload).toBe(request.payload);
    expect(signed.envelope).toMatchObject(request.envelope);
    expect(signed.envelope.signature).toEqual({
      alg: 'Ed25519',
      keyId: 'gateway-2026-03',
      subject: SUBJECT,
      payloadSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      issuedAt: '2026-03-02T01:00:00.000Z',
      expiresAt: '2026-03-02T01:00:30.000Z',
      value: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/),
    });
  });

  it('verify after the trip as JSON, whatever the key order the service sees', () => {
    const signed = signer.sign(SUBJECT, request);
    expect(() => verifier.verify(SUBJECT, JSON.parse(JSON.stringify(signed)))).not.toThrow();
    const reordered = {
      payload: { nested: { a: [2, 1], b: 1 }, purpose: '核对申领材料', workerId: request.payload.workerId },
      envelope: signed.envelope,
    };
    expect(() => verifier.verify(SUBJECT, reordered)).not.toThrow();
  });

  it('refuse an unsigned request', () => {
    expect(reasonOf(request)).toBe('unsigned');
    expect(reasonOf({ payload: {} })).toBe('unsigned');
    expect(reasonOf('nonsense')).toBe('unsigned');
  });

  it('refuse a malformed signature', () => {
    const signed = signer.sign(SUBJECT, request);
    expect(
      reasonOf({
        ...signed,
        envelope: { ...signed.envelope, signature: { ...signed.envelope.signature, value: 'x' } },
      }),
    ).toBe('malformed');
  });

  it('refuse a forged principal: changed after signing, or signed with a key the service does not accept', () => {
    const signed = signer.sign(SUBJECT, request);
    const promoted: Envelope = {
      ...signed.envelope,
      principal: { userId: 'officer-1', roles: ['county_officer', 'auditor'], jurisdiction: '140000' },
    };
    expect(reasonOf({ ...signed, envelope: promoted })).toBe('bad_signature');

    const intruder = new EnvelopeSigner(signingKeyFromJwk(other.signingJwk), { now: () => NOW });
    expect(reasonOf(intruder.sign(SUBJECT, request))).toBe('unknown_key');
    // the intruder's key under the gateway's key id
    const impostor = new EnvelopeSigner(
      { ...signingKeyFromJwk(other.signingJwk), keyId: 'gateway-2026-03' },
      { now: () => NOW },
    );
    expect(reasonOf(impostor.sign(SUBJECT, request))).toBe('bad_signature');
  });

  it('refuse a request re-addressed to another subject', () => {
    const signed = signer.sign('jineng.qry.registry.GetWorker', request);
    expect(reasonOf(signed)).toBe('wrong_subject');
  });

  it('refuse a changed payload', () => {
    const signed = signer.sign(SUBJECT, request);
    expect(
      reasonOf({
        ...signed,
        payload: { ...signed.payload, workerId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' },
      }),
    ).toBe('payload_mismatch');
  });

  it('hold for their lifetime only, and never for more than 60 s', () => {
    const signed = signer.sign(SUBJECT, request);
    expect(reasonOf(signed, SUBJECT, verifierAt(NOW + 30_001))).toBe('expired');
    expect(reasonOf(signed, SUBJECT, verifierAt(NOW - 10_000))).toBe('not_yet_valid');
    expect(
      () =>
        new EnvelopeSigner(signingKeyFromJwk(pair.signingJwk), { lifetimeMs: MAX_SIGNATURE_LIFETIME_MS + 1 }),
    ).toThrow(RangeError);
    // a signer that would sign for longer (another build, a misconfigured one) is refused all the same
    const tooLong = new EnvelopeSigner(signingKeyFromJwk(pair.signingJwk), { now: () => NOW });
    Object.assign(tooLong, { lifetimeMs: MAX_SIGNATURE_LIFETIME_MS + 1 });
    expect(reasonOf(tooLong.sign(SUBJECT, request))).toBe('lifetime_too_long');
  });

  it('accept any key of the set, so that keys rotate', () => {
    const both = verifyKeysFromJwks({ keys: [...pair.verifyJwks.keys, ...other.verifyJwks.keys] });
    const rotated = new EnvelopeSigner(signingKeyFromJwk(other.signingJwk), { now: () => NOW });
    expect(() => verifierAt(NOW, both).verify(SUBJECT, rotated.sign(SUBJECT, request))).not.toThrow();
    expect(() => verifierAt(NOW, both).verify(SUBJECT, signer.sign(SUBJECT, request))).not.toThrow();
  });
});

describe('envelope keys', () => {
  it('name a key by its kid, else by its RFC 7638 thumbprint', () => {
    const { kid: _kid, ...anonymous } = pair.signingJwk;
    const key = signingKeyFromJwk(anonymous);
    expect(key.keyId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { kid: _k, ...publicKey } = pair.verifyJwks.keys[0];
    expect([...verifyKeysFromJwks({ keys: [publicKey] }).keys()]).toEqual([key.keyId]);
  });

  it('refuse what is not an Ed25519 key pair as expected', () => {
    expect(() => signingKeyFromJwk(pair.verifyJwks.keys[0], 'gw.jwk')).toThrow(/gw.jwk: not a private key/);
    expect(() => verifyKeysFromJwks({ keys: [pair.signingJwk] }, 'keys.json')).toThrow(/holds a private key/);
    expect(() => verifyKeysFromJwks({ keys: [] }, 'keys.json')).toThrow(/at least one key/);
    expect(() => verifyKeysFromJwks({ keys: [{ kty: 'RSA' }] }, 'keys.json')).toThrow(/Ed25519 JWK/);
    expect(() => verifyKeysFromJwks({ keys: [pair.verifyJwks.keys[0], pair.verifyJwks.keys[0]] })).toThrow(
      /appears twice/,
    );
  });
});
