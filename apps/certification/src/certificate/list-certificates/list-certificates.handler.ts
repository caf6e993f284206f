// ListCertificates: a page of the certificates list, in the caller's scope.
import type { certificationV1 } from '@jineng/contracts';
import { queryPage } from '@jineng/lists';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { certificateList, certificateScope } from './certificate-list';

@Injectable()
export class ListCertificatesHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<certificationV1.ListCertificates>): Promise<certificationV1.CertificatePage> {
    const { jurisdiction, ...request } = payload;
    const scope = certificateScope(envelope.principal, {
      jurisdiction,
      institutionId: payload.institutionId,
    });
    const page = await queryPage(this.pool, certificateList, this.config.schema, request, scope);
    return { ...page, items: page.items as unknown as certificationV1.CertificateListItem[] };
  }
}
