// ListEnterprises: the enterprises of a jurisdiction and below it.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { Like, type DataSource } from 'typeorm';
import { READERS, scopeOf } from '../../access/access-control';
import { jurisdictionPrefix } from '../../catalogue/jurisdiction-catalogue';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { EnterpriseViewEntity } from '../get-enterprise/enterprise-view.entity';

@Injectable()
export class ListEnterprisesHandler {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.ListEnterprises>): Promise<registryV1.EnterprisePage> {
    const jurisdiction = scopeOf(envelope.principal, READERS, payload.jurisdiction);
    const [rows, total] = await this.dataSource.getRepository(EnterpriseViewEntity).findAndCount({
      where: { jurisdiction: Like(`${jurisdictionPrefix(jurisdiction)}%`) },
      order: { registeredOn: 'DESC', enterpriseId: 'ASC' },
      skip: payload.offset ?? 0,
      take: payload.limit ?? 50,
    });
    return { total, items: rows.map((row) => ({ ...row })) };
  }
}
