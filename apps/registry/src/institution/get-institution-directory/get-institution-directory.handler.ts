// GetInstitutionDirectory: the published directory (培训机构目录清单) of a jurisdiction and below it:
// listed institutions with their occupations and levels, no personal data. Open to every role.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { jurisdictionPrefix } from '../../catalogue/jurisdiction-catalogue';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { InstitutionViewEntity } from '../get-institution/institution-view.entity';

@Injectable()
export class GetInstitutionDirectoryHandler {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async handle({
    payload,
  }: RpcRequest<registryV1.GetInstitutionDirectory>): Promise<registryV1.DirectoryPage> {
    const query = this.dataSource
      .getRepository(InstitutionViewEntity)
      .createQueryBuilder('i')
      .where('i.status = :status', { status: 'listed' })
      .andWhere('i.jurisdiction like :prefix', { prefix: `${jurisdictionPrefix(payload.jurisdiction)}%` });
    if (payload.occupationCode)
      query.andWhere('i.scope @> :entry::jsonb', {
        entry: JSON.stringify([{ occupationCode: payload.occupationCode }]),
      });
    const [rows, total] = await query
      .orderBy('i.listed_on', 'DESC')
      .addOrderBy('i.institution_id')
      .skip(payload.offset ?? 0)
      .take(payload.limit ?? 50)
      .getManyAndCount();
    return {
      total,
      items: rows.map((row) => ({
        institutionId: row.institutionId,
        name: row.name,
        creditCode: row.creditCode,
        type: row.type,
        jurisdiction: row.jurisdiction,
        scope: row.scope,
        publicationBatch: row.publicationBatch ?? '',
        listedOn: row.listedOn ?? '',
        disqualifiedYears: row.disqualifications.map((d) => d.year),
      })),
    };
  }
}
