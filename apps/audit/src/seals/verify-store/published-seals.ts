// The published seals as anyone gets them: the public route's pages (GET /api/v1/public/audit/seals)
// or a file saved from it (one SealPage, or a JSON list of pages).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { auditV1 } from '@jineng/contracts';
import type { DailySeal } from '../domain/daily-seal';

export interface PublishedSeals {
  readonly seals: DailySeal[];
  readonly publicKeys: Map<string, KeyObject>;
}

export function publishedSealsOf(pages: readonly auditV1.SealPage[]): PublishedSeals {
  const publicKeys = new Map<string, KeyObject>();
  for (const page of pages)
    for (const key of page.publicKeys)
      publicKeys.set(
        key.keyId,
        createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' }),
      );
  return { seals: pages.flatMap((page) => page.items), publicKeys };
}

/** Every page of the public route at `baseUrl` (the gateway's origin). */
export async function fetchPublishedSeals(baseUrl: string): Promise<PublishedSeals> {
  const pages: auditV1.SealPage[] = [];
  let from: number | undefined = 1;
  while (from !== undefined) {
    const response = await fetch(
      new URL(`/api/v1/public/audit/seals?fromSequence=${from}&pageSize=1000`, baseUrl),
    );
    if (!response.ok) throw new Error(`GET seals: HTTP ${response.status}`);
    const page = (await response.json()) as auditV1.SealPage;
    pages.push(page);
    from = page.nextFromSequence;
  }
  return publishedSealsOf(pages);
}

export async function readPublishedSeals(file: string): Promise<PublishedSeals> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as auditV1.SealPage | auditV1.SealPage[];
  return publishedSealsOf(Array.isArray(parsed) ? parsed : [parsed]);
}
