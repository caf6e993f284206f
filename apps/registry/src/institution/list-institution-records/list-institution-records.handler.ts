// ListInstitutionRecords: institutions of a jurisdiction and below it, in any status, for officers.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { Like, type DataSource } from 'typeorm';
import { READERS, scopeOf } from '../../access/access-control';
import { jurisdictionPrefix } from '../../catalogue/jurisdiction-catalogue';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { InstitutionViewEntity } from '../get-institution/institution-view.entity';
import { toInstitutionView } from '../get-institution/institution-view';

@Injectable()
export class ListInstitutionRecordsHandler {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.ListInstitutionRecords>): Promise<registryV1.InstitutionPage> {
    const jurisdiction = scopeOf(envelope.principal, READERS, payload.jurisdiction);
    const [rows, total] = await this.dataSource.getRepository(InstitutionViewEntity).findAndCount({
      where: {
        jurisdiction: Like(`${jurisdictionPrefix(jurisdiction)}%`),
        ...(payload.status ? { status: payload.status } : {}),
      },
      order: { appliedOn: 'DESC', institutionId: 'ASC' },
      skip: payload.offset ?? 0,
      take: payload.limit ?? 50,
    });
    return { total, items: rows.map(toInstitutionView) };
  }
}
