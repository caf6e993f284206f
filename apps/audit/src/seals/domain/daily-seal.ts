// The daily seal (issue 15, DOMAIN §9): a Merkle root over one Asia/Shanghai day's events of every
// service, chained to the previous day's seal and signed with the audit service's Ed25519 key.
// Published on the public site, it lets anyone holding the seals and a service's events tell whether
// that service's history was rewritten afterwards — even when the rewrite recomputed the in-database
// chain up to its head, which the database's own chain cannot show.
//
//   sealHash  = sha256( canonical JSON of the body )              (body: everything but hash and signature)
//   signature = Ed25519( utf8 "jineng audit seal v1\n" ‖ sealHash )
//   body.previousSealHash = the previous day's sealHash (64 zeros for the first seal)
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '@jineng/ddd';
import { GENESIS_HASH } from '@jineng/event-store';
import { dayRootOf, type ServiceRoot } from './seal-leaves';

export const FIRST_PREVIOUS_SEAL_HASH = GENESIS_HASH;
const SIGNING_CONTEXT = 'jineng audit seal v1\n';

export interface SealBody {
  /** YYYY-MM-DD, Asia/Shanghai */
  readonly day: string;
  /** 1 for the first seal, +1 each day */
  readonly sequence: number;
  readonly previousSealHash: string;
  /** the day's root: over the services' roots (dayRootOf) */
  readonly root: string;
  readonly eventCount: number;
  readonly services: readonly ServiceRoot[];
  /** when it was made, by the service clock */
  readonly sealedAt: string;
  /** the signing key's id (its JWK thumbprint or configured kid) */
  readonly keyId: string;
}

export interface DailySeal extends SealBody {
  readonly sealHash: string;
  /** base64url Ed25519 signature */
  readonly signature: string;
}

export const sealHashOf = (body: SealBody): string =>
  createHash('sha256')
    .update(canonicalJson(bodyOf(body)))
    .digest('hex');

const signedBytes = (sealHash: string): Buffer => Buffer.from(SIGNING_CONTEXT + sealHash, 'utf8');

/** The seal of `day` following `previous` (none: the first seal). */
export function makeSeal(input: {
  readonly day: string;
  readonly previous?: DailySeal;
  readonly services: readonly ServiceRoot[];
  readonly sealedAt: string;
  readonly key: { readonly keyId: string; readonly privateKey: KeyObject };
}): DailySeal {
  const body: SealBody = {
    day: input.day,
    sequence: (input.previous?.sequence ?? 0) + 1,
    previousSealHash: input.previous?.sealHash ?? FIRST_PREVIOUS_SEAL_HASH,
    root: dayRootOf(input.services),
    eventCount: input.services.reduce((sum, s) => sum + s.eventCount, 0),
    services: input.services,
    sealedAt: input.sealedAt,
    keyId: input.key.keyId,
  };
  const sealHash = sealHashOf(body);
  const signature = sign(null, signedBytes(sealHash), input.key.privateKey).toString('base64url');
  return { ...body, sealHash, signature };
}

export function bodyOf(seal: SealBody): SealBody {
  return {
    day: seal.day,
    sequence: seal.sequence,
    previousSealHash: seal.previousSealHash,
    root: seal.root,
    eventCount: seal.eventCount,
    services: seal.services.map((s) => ({ service: s.service, root: s.root, eventCount: s.eventCount })),
    sealedAt: seal.sealedAt,
    keyId: seal.keyId,
  };
}

export function signatureHolds(seal: DailySeal, publicKey: KeyObject): boolean {
  try {
    return verify(null, signedBytes(seal.sealHash), publicKey, Buffer.from(seal.signature, 'base64url'));
  } catch {
    return false;
  }
}
