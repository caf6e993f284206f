// ExportEnterprisesLackingEvaluationBody: the same list, every row, as .xlsx or JSON.
import type { certificationV1, commonV1 } from '@jineng/contracts';
import { shanghaiDate, type Clock } from '@jineng/kernel';
import { ExportTooLargeError, countRows, iterateRows } from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import {
  FILE_STORE,
  PG_POOL,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { MAX_EXPORT_ROWS } from '../../certificate/export-certificates/export-certificates.handler';
import { CertificationReads } from '../../local/certification-reads';
import {
  enterpriseBodyExportFile,
  enterpriseBodyList,
  enterpriseBodyScope,
} from '../list-enterprises-lacking-evaluation-body/enterprise-body-list';

@Injectable()
export class ExportEnterprisesLackingEvaluationBodyHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly reads: CertificationReads,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<certificationV1.ExportEnterprisesLackingEvaluationBody>): Promise<commonV1.FileReply> {
    const { jurisdiction, format, ...request } = payload;
    const scope = await enterpriseBodyScope(this.reads, this.clock, envelope.principal, jurisdiction);
    const conditions = scope.conditions;
    if (conditions) {
      const rows = await countRows(this.pool, enterpriseBodyList, this.config.schema, request, conditions);
      if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
    }
    // where the rule is not set, the file has the headers and no row
    const rowsOf = conditions
      ? iterateRows(this.pool, enterpriseBodyList, this.config.schema, request, conditions)
      : noRows();
    return this.files.put(
      enterpriseBodyExportFile(rowsOf, format, scope.jurisdiction, shanghaiDate(this.clock.now())),
    );
  }
}

async function* noRows(): AsyncGenerator<never[]> {}
