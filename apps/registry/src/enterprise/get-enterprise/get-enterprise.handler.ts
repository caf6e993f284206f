// GetEnterprise: for officers and auditors of its jurisdiction, and for the enterprise itself.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { authorize, READERS } from '../../access/access-control';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { EnterpriseNotFound } from '../domain/enterprise.errors';
import { EnterpriseViewEntity } from './enterprise-view.entity';

@Injectable()
export class GetEnterpriseHandler {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.GetEnterprise>): Promise<registryV1.EnterpriseView> {
    const row = await this.dataSource
      .getRepository(EnterpriseViewEntity)
      .findOneBy({ enterpriseId: payload.enterpriseId });
    if (!row) throw new EnterpriseNotFound({ enterpriseId: payload.enterpriseId });
    authorize(envelope.principal, ['enterprise', ...READERS], {
      jurisdiction: row.jurisdiction,
      enterpriseId: row.enterpriseId,
    });
    return { ...row };
  }
}
