// A sealed box: text encrypted to a recipient's public key, so that only the holder of the private key
// opens it (docs/adr/0012-payee-accounts.md). Used for payees' bank accounts: the registry seals them to
// the fund ledger's key, and only the ledger opens them, when it writes a bank payment file.
//
// Scheme (node:crypto only): X25519 ECDH between a fresh ephemeral key and the recipient's key;
// HKDF-SHA256 (salt = ephemeral public ‖ recipient public, info = the purpose) → an AES-256-GCM key;
// a random 96-bit nonce. The box is base64 of
//   0x01 ‖ ephemeral public key (32) ‖ nonce (12) ‖ GCM tag (16) ‖ ciphertext.
// A fresh ephemeral key per box: sealing the same text twice gives different boxes (the digest of the
// clear text, not the box, tells changes apart).
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

const VERSION = 1;
const RAW = 32;
const NONCE = 12;
const TAG = 16;

export class SealedBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedBoxError';
  }
}

/** A fresh X25519 pair as PEM: the public key (SPKI) to seal with, the private key (PKCS#8) to open with. */
export function generateSealingKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A public sealing key from its PEM; refuses anything but an X25519 public key. */
export function sealingPublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'x25519') throw new SealedBoxError('the sealing public key must be X25519');
  return key;
}

/** A private opening key from its PEM; refuses anything but an X25519 private key. */
export function sealingPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'x25519') throw new SealedBoxError('the sealing private key must be X25519');
  return key;
}

const rawOf = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');

const keyFrom = (secret: Buffer, ephemeral: Buffer, recipient: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, Buffer.concat([ephemeral, recipient]), purpose, 32));

/** Seals `text` to `recipient` for `purpose` (bound into the key: a box opens only for the same purpose). */
export function seal(recipient: KeyObject, text: string, purpose: string): string {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawOf(ephemeral.publicKey);
  const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const key = keyFrom(secret, ephemeralRaw, rawOf(recipient), purpose);
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([
    Buffer.from([VERSION]),
    ephemeralRaw,
    nonce,
    cipher.getAuthTag(),
    ciphertext,
  ]).toString('base64');
}

/** Opens a box sealed to the public half of `privateKey` for `purpose`; SealedBoxError if it cannot. */
export function open(privateKey: KeyObject, box: string, purpose: string): string {
  const bytes = Buffer.from(box, 'base64');
  if (bytes.length < 1 + RAW + NONCE + TAG || bytes[0] !== VERSION)
    throw new SealedBoxError('not a sealed box of this version');
  const ephemeralRaw = bytes.subarray(1, 1 + RAW);
  const nonce = bytes.subarray(1 + RAW, 1 + RAW + NONCE);
  const tag = bytes.subarray(1 + RAW + NONCE, 1 + RAW + NONCE + TAG);
  const ciphertext = bytes.subarray(1 + RAW + NONCE + TAG);
  const ephemeral = createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: ephemeralRaw.toString('base64url') },
    format: 'jwk',
  });
  const secret = diffieHellman({ privateKey, publicKey: ephemeral });
  const key = keyFrom(secret, ephemeralRaw, rawOf(createPublicKey(privateKey)), purpose);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedBoxError(
      'the box does not open with this key (another key, another purpose, or altered)',
    );
  }
}

/** The purpose a payee's bank account is sealed for (registry) and opened for (fund ledger). */
export const PAYEE_ACCOUNT_PURPOSE = 'jineng payee account v1';
