// A Merkle root over an ordered list of leaves (RFC 6962 style): a leaf is sha256(0x00 ‖ leaf bytes),
// an inner node sha256(0x01 ‖ left ‖ right); an odd node at the end of a level goes up unchanged (no
// duplication, so two different lists never share a root), and no leaves give sha256 of nothing.
// The prefixes keep a leaf from passing for an inner node.
import { createHash } from 'node:crypto';

export const EMPTY_ROOT = createHash('sha256').digest('hex');

const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

export const leafHash = (leaf: string): Buffer => sha256(Buffer.from([0]), Buffer.from(leaf, 'utf8'));

/** The root (hex) of leaves already hashed with `leafHash`, in their order. */
export function merkleRootOfHashes(hashes: readonly Buffer[]): string {
  if (hashes.length === 0) return EMPTY_ROOT;
  let level = [...hashes];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? sha256(Buffer.from([1]), level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0].toString('hex');
}

export const merkleRoot = (leaves: readonly string[]): string => merkleRootOfHashes(leaves.map(leafHash));
