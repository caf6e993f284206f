// The keys of authenticated envelopes (docs/adr/0022-per-service-envelope-keys.md): one HMAC-SHA256
// secret per service. The gateway holds every service's current key; a service holds only its own
// (one or more: keys rotate by key id), so a service that is taken over can at worst forge requests
// to itself, never to another service.
//
// Files are JWK Sets of symmetric keys (RFC 7517/7518 "oct", HS256) with the service each key is for:
//   gateway  (JINENG_ENVELOPE_SIGNING_KEY_FILE)  {"keys":[{"kty":"oct","alg":"HS256","kid":"…","k":"…","service":"registry"}, …]}
//                                                exactly one key per service: the one it MACs with
//   service  (JINENG_ENVELOPE_VERIFY_KEYS_FILE)  {"keys":[{… "service":"registry"}, …]}
//                                                its own keys only (every key's service is itself)
// `kid` is required (a thumbprint of a secret would publish a hash of it). `scripts/envelope-keys.mjs`
// writes a gateway file and one file per service.
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { assertServiceName } from '../subjects';
import { EnvelopeKeyError } from './envelope-keys';

export const ENVELOPE_MAC_ALG = 'HS256';
/** 256-bit secrets, as RFC 7518 §3.2 asks of HS256. */
export const ENVELOPE_MAC_KEY_BYTES = 32;

export interface EnvelopeMacKey {
  readonly keyId: string;
  /** the service whose requests it authenticates */
  readonly service: string;
  readonly secret: KeyObject;
}

/** The gateway's keys: the one it MACs with, by service. */
export type GatewayEnvelopeKeys = ReadonlyMap<string, EnvelopeMacKey>;
/** A service's own keys, by key id. */
export type ServiceEnvelopeKeys = ReadonlyMap<string, EnvelopeMacKey>;

export interface EnvelopeMacJwk {
  readonly kty: 'oct';
  readonly alg: typeof ENVELOPE_MAC_ALG;
  readonly kid: string;
  readonly k: string;
  readonly service: string;
}

export interface EnvelopeMacJwks {
  readonly keys: EnvelopeMacJwk[];
}

/** Key ids go into the MACed text between newlines: a plain token, no separators. */
const KEY_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A new random key for `service`; the id defaults to `<service>-<UTC date>-<random>`. */
export function generateEnvelopeMacJwk(service: string, keyId?: string): EnvelopeMacJwk {
  assertServiceName(service);
  const kid =
    keyId ?? `${service}-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  return {
    kty: 'oct',
    alg: ENVELOPE_MAC_ALG,
    kid,
    k: randomBytes(ENVELOPE_MAC_KEY_BYTES).toString('base64url'),
    service,
  };
}

/** New keys for `services`: the gateway's file (all of them) and each service's (its own). */
export function generateEnvelopeMacKeys(
  services: readonly string[],
  keyIdOf: (service: string) => string | undefined = () => undefined,
): { gateway: EnvelopeMacJwks; services: Record<string, EnvelopeMacJwks> } {
  const jwks = services.map((service) => generateEnvelopeMacJwk(service, keyIdOf(service)));
  return {
    gateway: { keys: jwks },
    services: Object.fromEntries(jwks.map((jwk) => [jwk.service, { keys: [jwk] }])),
  };
}

export function gatewayKeysFromJwks(jwks: unknown, source = 'gateway envelope keys'): GatewayEnvelopeKeys {
  const byService = new Map<string, EnvelopeMacKey>();
  const keyIds = new Set<string>();
  for (const key of macKeys(jwks, source)) {
    if (byService.has(key.service))
      throw new EnvelopeKeyError(
        source,
        `two keys for service '${key.service}': the gateway MACs with one key per service (rotate in the services' files)`,
      );
    if (keyIds.has(key.keyId)) throw new EnvelopeKeyError(source, `key id '${key.keyId}' appears twice`);
    keyIds.add(key.keyId);
    byService.set(key.service, key);
  }
  return byService;
}

export function serviceKeysFromJwks(
  jwks: unknown,
  service: string,
  source = `${service} envelope keys`,
): ServiceEnvelopeKeys {
  const byKeyId = new Map<string, EnvelopeMacKey>();
  for (const key of macKeys(jwks, source)) {
    // another service's key on this one's disk would let it forge that service's requests
    if (key.service !== service)
      throw new EnvelopeKeyError(
        source,
        `key '${key.keyId}' is for service '${key.service}', not '${service}': a service holds its own keys only`,
      );
    if (byKeyId.has(key.keyId)) throw new EnvelopeKeyError(source, `key id '${key.keyId}' appears twice`);
    byKeyId.set(key.keyId, key);
  }
  return byKeyId;
}

export const readGatewayEnvelopeKeys = (file: string): GatewayEnvelopeKeys =>
  gatewayKeysFromJwks(readKeyFile(file), file);

export const readServiceEnvelopeKeys = (file: string, service: string): ServiceEnvelopeKeys =>
  serviceKeysFromJwks(readKeyFile(file), service, file);

function macKeys(jwks: unknown, source: string): EnvelopeMacKey[] {
  const list = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list) || list.length === 0)
    throw new EnvelopeKeyError(source, 'expected a JWK Set {"keys": [ … ]} with at least one key');
  return list.map((item, i) => macKey(item, `${source} keys[${i}]`));
}

function macKey(value: unknown, source: string): EnvelopeMacKey {
  const jwk = value as Partial<EnvelopeMacJwk> | null;
  if (typeof jwk !== 'object' || jwk === null || jwk.kty !== 'oct' || jwk.alg !== ENVELOPE_MAC_ALG)
    throw new EnvelopeKeyError(source, 'expected an HS256 secret JWK ({"kty":"oct","alg":"HS256",…})');
  if (typeof jwk.kid !== 'string' || !KEY_ID.test(jwk.kid))
    throw new EnvelopeKeyError(source, "'kid' must be 1 to 128 of A-Z a-z 0-9 . _ : -");
  if (typeof jwk.k !== 'string' || !/^[A-Za-z0-9_-]+$/.test(jwk.k))
    throw new EnvelopeKeyError(source, "'k' is not base64url");
  const secret = Buffer.from(jwk.k, 'base64url');
  if (secret.length < ENVELOPE_MAC_KEY_BYTES)
    throw new EnvelopeKeyError(
      source,
      `'k' holds ${secret.length} bytes: at least ${ENVELOPE_MAC_KEY_BYTES}`,
    );
  if (typeof jwk.service !== 'string')
    throw new EnvelopeKeyError(source, "'service' (the service the key is for) is required");
  try {
    assertServiceName(jwk.service);
  } catch (error) {
    throw new EnvelopeKeyError(source, (error as Error).message);
  }
  return { keyId: jwk.kid, service: jwk.service, secret: createSecretKey(secret) };
}

function readKeyFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EnvelopeKeyError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EnvelopeKeyError(file, 'is not JSON');
  }
}
