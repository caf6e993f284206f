// GetInstitution: an institution's record, for officers and auditors of its jurisdiction and for the
// institution itself.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { authorize, READERS } from '../../access/access-control';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { InstitutionNotFound } from '../domain/institution.errors';
import { InstitutionViewEntity } from './institution-view.entity';
import { toInstitutionView } from './institution-view';

@Injectable()
export class GetInstitutionHandler {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.GetInstitution>): Promise<registryV1.InstitutionView> {
    const row = await this.dataSource
      .getRepository(InstitutionViewEntity)
      .findOneBy({ institutionId: payload.institutionId });
    if (!row) throw new InstitutionNotFound({ institutionId: payload.institutionId });
    authorize(envelope.principal, ['institution', ...READERS], {
      jurisdiction: row.jurisdiction,
      institutionId: row.institutionId,
    });
    return toInstitutionView(row);
  }
}
