// ListSeals: the published seals, for anyone (a public route: no login, no personal data — roots,
// counts per service and signatures only), with the public keys that verify them.
import type { auditV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { sealsFrom } from '../seal-days/seal-store';
import { SEAL_KEYS, publicJwkOf, type SealKeys } from '../seal-key.config';

const DEFAULT_PAGE = 100;

@Injectable()
export class ListSealsHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SEAL_KEYS) private readonly keys: SealKeys,
  ) {}

  async handle({ payload }: RpcRequest<auditV1.ListSeals>): Promise<auditV1.SealPage> {
    const S = quoteSchema(this.config.schema);
    const from = payload.fromSequence ?? 1;
    const size = payload.pageSize ?? DEFAULT_PAGE;
    const items = await sealsFrom(this.pool, S, from, size + 1);
    const { rows } = await this.pool.query<{ total: string }>(
      `select count(*)::text as total from ${S}.audit_seals`,
    );
    const page = items.slice(0, size);
    return {
      items: page.map((seal) => ({ ...seal, services: [...seal.services] })),
      ...(items.length > size ? { nextFromSequence: items[size].sequence } : {}),
      total: Number(rows[0].total),
      publicKeys: [...this.keys.published].map(([keyId, key]) => publicJwkOf(keyId, key)),
    };
  }
}
