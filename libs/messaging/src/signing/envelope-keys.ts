// Ed25519 keys as JSON Web Keys (RFC 8037 OKP/Ed25519): what the audit service seals its days with
// (apps/audit/src/seals). Envelopes were signed with these until ADR 0022; they are MACed with
// per-service keys now (envelope-mac-keys.ts), which share `EnvelopeKeyError` with this file.
//
//   private key  {"kty":"OKP","crv":"Ed25519","x":"…","d":"…","kid":"…"}
//   public keys  {"keys":[{"kty":"OKP","crv":"Ed25519","x":"…","kid":"…"}, …]}
// `kid` is optional: without it a key's id is its RFC 7638 thumbprint.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface EnvelopeSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** The public keys a service accepts, by key id. */
export type EnvelopeVerifyKeys = ReadonlyMap<string, KeyObject>;

export interface Ed25519Jwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly d?: string;
  readonly kid?: string;
}

export class EnvelopeKeyError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'EnvelopeKeyError';
  }
}

/** A new key pair as JWKs: the private one for the gateway, the set of one public key for the services. */
export function generateEnvelopeKeys(keyId?: string): {
  signingJwk: Ed25519Jwk;
  verifyJwks: { keys: Ed25519Jwk[] };
} {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as Ed25519Jwk;
  const kid = keyId ?? thumbprint(jwk);
  const signingJwk: Ed25519Jwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d, kid };
  return { signingJwk, verifyJwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid }] } };
}

export function signingKeyFromJwk(jwk: unknown, source = 'signing key'): EnvelopeSigningKey {
  const key = ed25519Jwk(jwk, source);
  if (typeof key.d !== 'string') throw new EnvelopeKeyError(source, "not a private key (no 'd')");
  return {
    keyId: key.kid ?? thumbprint(key),
    privateKey: createPrivateKey({ key: { ...key }, format: 'jwk' }),
  };
}

export function verifyKeysFromJwks(jwks: unknown, source = 'verify keys'): EnvelopeVerifyKeys {
  const list = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list) || list.length === 0)
    throw new EnvelopeKeyError(source, 'expected a JWK Set {"keys": [ … ]} with at least one key');
  const keys = new Map<string, KeyObject>();
  list.forEach((item, i) => {
    const key = ed25519Jwk(item, `${source} keys[${i}]`);
    // a private key has no business on every service's disk
    if (key.d !== undefined)
      throw new EnvelopeKeyError(
        `${source} keys[${i}]`,
        "holds a private key ('d'): publish public keys only",
      );
    const kid = key.kid ?? thumbprint(key);
    if (keys.has(kid)) throw new EnvelopeKeyError(source, `key id '${kid}' appears twice`);
    keys.set(kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' }));
  });
  return keys;
}

export const readEnvelopeSigningKey = (file: string): EnvelopeSigningKey =>
  signingKeyFromJwk(readJson(file), file);

export const readEnvelopeVerifyKeys = (file: string): EnvelopeVerifyKeys =>
  verifyKeysFromJwks(readJson(file), file);

function readJson(file: string): unknown {
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

function ed25519Jwk(value: unknown, source: string): Ed25519Jwk {
  const jwk = value as Partial<Ed25519Jwk> | null;
  if (typeof jwk !== 'object' || jwk === null || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519')
    throw new EnvelopeKeyError(source, 'expected an Ed25519 JWK ({"kty":"OKP","crv":"Ed25519",…})');
  if (typeof jwk.x !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(jwk.x))
    throw new EnvelopeKeyError(source, "'x' is not a base64url Ed25519 public key");
  if (jwk.d !== undefined && (typeof jwk.d !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(jwk.d)))
    throw new EnvelopeKeyError(source, "'d' is not a base64url Ed25519 private key");
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid === '' || jwk.kid.length > 128))
    throw new EnvelopeKeyError(source, "'kid' must be a string of 1 to 128 characters");
  return jwk as Ed25519Jwk;
}

/** RFC 7638: sha256 over the required members in lexical order, base64url. */
function thumbprint(jwk: Ed25519Jwk): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
}
