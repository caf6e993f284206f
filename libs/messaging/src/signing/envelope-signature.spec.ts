import { validateContract } from '@jineng/contracts';
import { canonicalJson, isDomainError } from '@jineng/ddd';
import type { Envelope, RpcRequest } from '../envelope';
import { generateEnvelopeKeys, signingKeyFromJwk, verifyKeysFromJwks } from './envelope-keys';
import {
  gatewayKeysFromJwks,
  generateEnvelopeMacJwk,
  generateEnvelopeMacKeys,
  serviceKeysFromJwks,
} from './envelope-mac-keys';
import { EnvelopeSigner, EnvelopeVerifier, MAX_SIGNATURE_LIFETIME_MS } from './envelope-signature';
import type { UntrustedRequest } from './untrusted-request';

const SUBJECT = 'jineng.cmd.registry.RevealWorkerPersonalData';
const NOW = Date.parse('2026-03-02T01:00:00.000Z');

// the gateway's keys for two services; the registry holds only its own
const keys = generateEnvelopeMacKeys(['registry', 'subsidy'], (service) => `${service}-2026-03`);
const gatewayKeys = gatewayKeysFromJwks(keys.gateway);
const registryKeys = serviceKeysFromJwks(keys.services.registry, 'registry');
const signer = new EnvelopeSigner(gatewayKeys, { now: () => NOW });
const verifierAt = (at: number, own = registryKeys) => new EnvelopeVerifier(own, { now: () => at });
const verifier = verifierAt(NOW + 1_000);
/** a gateway that MACs registry requests with `jwk` instead */
const signerWith = (jwk: ReturnType<typeof generateEnvelopeMacJwk>, now = NOW) =>
  new EnvelopeSigner(gatewayKeysFromJwks({ keys: [jwk] }), { now: () => now });

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
    // the payload as it was, its keys in canonical order (what the service re-serialises cheaply)
    expect(signed.payload).toEqual(request.payload);
    expect(JSON.stringify(signed.payload)).toBe(canonicalJson(request.payload));
    expect(signed.envelope).toMatchObject(request.envelope);
    expect(signed.envelope.signature).toEqual({
      alg: 'HS256',
      // the key of the service the subject is for
      keyId: 'registry-2026-03',
      subject: SUBJECT,
      payloadSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      issuedAt: '2026-03-02T01:00:00.000Z',
      expiresAt: '2026-03-02T01:00:30.000Z',
      value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(validateContract('jineng.common.v1.EnvelopeSignature', signed.envelope.signature).ok).toBe(true);
    expect(signer.sign('jineng.qry.subsidy.GetClaim', request).envelope.signature?.keyId).toBe(
      'subsidy-2026-03',
    );
  });

  it('refuse to sign for a service the gateway holds no key for', () => {
    expect(() => signer.sign('jineng.cmd.audit.SealDay', request)).toThrow(
      /no envelope key for service 'audit'/,
    );
  });

  it('verify after the trip as JSON, whatever the key order the service sees', () => {
    const signed = signer.sign(SUBJECT, request);
    expect(() => verifier.verify(SUBJECT, JSON.parse(JSON.stringify(signed)))).not.toThrow();
    const reordered = {
      payload: { nested: { a: [2, 1], b: 1 }, purpose: '核对申领材料', workerId: request.payload.workerId },
      envelope: signed.envelope,
    };
    expect(() => verifier.verify(SUBJECT, reordered)).not.toThrow();
    // the envelope too, in another key order than the gateway sent it
    const { signature, ...fields } = JSON.parse(JSON.stringify(signed.envelope)) as Envelope;
    const shuffled = Object.fromEntries(Object.entries(fields).reverse());
    expect(() =>
      verifier.verify(SUBJECT, { envelope: { signature, ...shuffled }, payload: signed.payload }),
    ).not.toThrow();
  });

  it('keep a key named __proto__ a property of the payload, as JSON.parse reads it', () => {
    const payload = JSON.parse('{"b":1,"__proto__":{"roles":["auditor"]},"a":2}') as Record<string, unknown>;
    const signed = signer.sign(SUBJECT, { ...request, payload });
    expect(JSON.stringify(signed.payload)).toBe('{"__proto__":{"roles":["auditor"]},"a":2,"b":1}');
    expect(Object.getPrototypeOf(signed.payload)).toBe(Object.prototype);
    expect(() => verifier.verify(SUBJECT, JSON.parse(JSON.stringify(signed)))).not.toThrow();
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

    const intruder = signerWith(generateEnvelopeMacJwk('registry', 'intruder'));
    expect(reasonOf(intruder.sign(SUBJECT, request))).toBe('unknown_key');
    // the intruder's key under the registry's key id
    const impostor = signerWith(generateEnvelopeMacJwk('registry', 'registry-2026-03'));
    expect(reasonOf(impostor.sign(SUBJECT, request))).toBe('bad_signature');
  });

  it("refuse a request MACed with another service's key: a service can forge requests to itself only", () => {
    // what a taken-over subsidy service could make with its own key, sent to the registry
    const subsidyOwn = keys.services.subsidy.keys[0]!;
    const fromSubsidy = signerWith({ ...subsidyOwn, service: 'registry' });
    expect(reasonOf(fromSubsidy.sign(SUBJECT, request))).toBe('unknown_key');
    // …and under the registry's key id
    const relabelled = signerWith({ ...subsidyOwn, service: 'registry', kid: 'registry-2026-03' });
    expect(reasonOf(relabelled.sign(SUBJECT, request))).toBe('bad_signature');
    // the gateway's genuine request to the subsidy service, re-addressed to the registry
    const toSubsidy = signer.sign('jineng.cmd.subsidy.RevealWorkerPersonalData', request);
    expect(reasonOf(toSubsidy)).toBe('unknown_key');
  });

  it('refuse a changed MAC', () => {
    const signed = signer.sign(SUBJECT, request);
    const value = signed.envelope.signature!.value;
    const flipped = `${value.slice(0, 10)}${value[10] === 'A' ? 'B' : 'A'}${value.slice(11)}`;
    expect(
      reasonOf({
        ...signed,
        envelope: { ...signed.envelope, signature: { ...signed.envelope.signature!, value: flipped } },
      }),
    ).toBe('bad_signature');
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
    // a change deep inside, in the received text's own key order
    const wire = JSON.parse(JSON.stringify(signed)) as RpcRequest<{ nested: { a: number[] } }>;
    wire.payload.nested.a[0] = 3;
    expect(reasonOf(wire)).toBe('payload_mismatch');
    // a digest changed along with the payload breaks the MAC
    const redigested = signer.sign(SUBJECT, { ...request, payload: { workerId: 'x' } });
    expect(
      reasonOf({
        ...signed,
        envelope: {
          ...signed.envelope,
          signature: {
            ...signed.envelope.signature!,
            payloadSha256: redigested.envelope.signature!.payloadSha256,
          },
        },
        payload: redigested.payload,
      }),
    ).toBe('bad_signature');
  });

  it('hold for their lifetime only, and never for more than 60 s', () => {
    const signed = signer.sign(SUBJECT, request);
    expect(reasonOf(signed, SUBJECT, verifierAt(NOW + 30_001))).toBe('expired');
    expect(reasonOf(signed, SUBJECT, verifierAt(NOW - 10_000))).toBe('not_yet_valid');
    expect(() => new EnvelopeSigner(gatewayKeys, { lifetimeMs: MAX_SIGNATURE_LIFETIME_MS + 1 })).toThrow(
      RangeError,
    );
    // a signer that would sign for longer (another build, a misconfigured one) is refused all the same
    const tooLong = new EnvelopeSigner(gatewayKeys, { now: () => NOW });
    Object.assign(tooLong, { lifetimeMs: MAX_SIGNATURE_LIFETIME_MS + 1 });
    expect(reasonOf(tooLong.sign(SUBJECT, request))).toBe('lifetime_too_long');
  });

  it("accept any key of the service's set, so that keys rotate by key id", () => {
    const next = generateEnvelopeMacJwk('registry', 'registry-2026-04');
    const both = serviceKeysFromJwks({ keys: [...keys.services.registry.keys, next] }, 'registry');
    const rotated = signerWith(next);
    expect(() => verifierAt(NOW, both).verify(SUBJECT, rotated.sign(SUBJECT, request))).not.toThrow();
    expect(() => verifierAt(NOW, both).verify(SUBJECT, signer.sign(SUBJECT, request))).not.toThrow();
    // before the new key reaches the service, and after the old one left it
    expect(reasonOf(rotated.sign(SUBJECT, request))).toBe('unknown_key');
    const onlyNext = serviceKeysFromJwks({ keys: [next] }, 'registry');
    expect(reasonOf(signer.sign(SUBJECT, request), SUBJECT, verifierAt(NOW, onlyNext))).toBe('unknown_key');
  });
});

describe('per-service envelope keys', () => {
  it('keep each service to its own keys, and the gateway to one key per service', () => {
    expect(() => serviceKeysFromJwks(keys.gateway, 'registry', 'registry.keys.json')).toThrow(
      /registry.keys.json: key 'subsidy-2026-03' is for service 'subsidy', not 'registry'/,
    );
    const second = generateEnvelopeMacJwk('registry', 'registry-2026-04');
    expect(() => gatewayKeysFromJwks({ keys: [...keys.gateway.keys, second] }, 'gateway.keys.json')).toThrow(
      /gateway.keys.json: two keys for service 'registry'/,
    );
    expect(() =>
      serviceKeysFromJwks(
        { keys: [second, { ...second, k: generateEnvelopeMacJwk('registry').k }] },
        'registry',
      ),
    ).toThrow(/key id 'registry-2026-04' appears twice/);
    expect(() =>
      gatewayKeysFromJwks({ keys: [second, { ...generateEnvelopeMacJwk('subsidy'), kid: second.kid }] }),
    ).toThrow(/key id 'registry-2026-04' appears twice/);
  });

  it('refuse what is not a 256-bit HS256 key for a named service', () => {
    const jwk = generateEnvelopeMacJwk('registry', 'r1');
    const problem = (bad: unknown) => () => serviceKeysFromJwks({ keys: [bad] }, 'registry', 'k.json');
    expect(problem(pair.signingJwk)).toThrow(/k.json keys\[0\]: expected an HS256 secret JWK/);
    expect(problem({ ...jwk, k: Buffer.alloc(16, 1).toString('base64url') })).toThrow(
      /holds 16 bytes: at least 32/,
    );
    expect(problem({ ...jwk, kid: 'r\n1' })).toThrow(/'kid' must be/);
    expect(problem({ ...jwk, kid: undefined })).toThrow(/'kid' must be/);
    expect(problem({ ...jwk, service: undefined })).toThrow(/'service' .* is required/);
    expect(problem({ ...jwk, service: 'Registry!' })).toThrow(/invalid service name/);
    expect(() => serviceKeysFromJwks({ keys: [] }, 'registry')).toThrow(/at least one key/);
    expect(() => new EnvelopeVerifier(new Map())).toThrow(TypeError);
  });
});

const pair = generateEnvelopeKeys('seal-2026-03');

describe('Ed25519 keys (the audit seals)', () => {
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
