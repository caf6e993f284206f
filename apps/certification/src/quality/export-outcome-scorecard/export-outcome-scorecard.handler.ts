// ExportOutcomeScorecard: the public scorecard, every row of the filters, as .xlsx or JSON.
import type { certificationV1, commonV1 } from '@jineng/contracts';
import { ExportTooLargeError, countRows, iterateRows } from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE, PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { MAX_EXPORT_ROWS } from '../../certificate/export-certificates/export-certificates.handler';
import { scorecardExportFile, scorecardList, scorecardScope } from '../list-outcome-scorecard/scorecard-list';

@Injectable()
export class ExportOutcomeScorecardHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({ payload }: RpcRequest<certificationV1.ExportOutcomeScorecard>): Promise<commonV1.FileReply> {
    const { jurisdiction, format, ...request } = payload;
    const scope = scorecardScope(jurisdiction);
    const rows = await countRows(this.pool, scorecardList, this.config.schema, request, scope);
    if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
    const rowsOf = iterateRows(this.pool, scorecardList, this.config.schema, request, scope);
    return this.files.put(scorecardExportFile(rowsOf, format, payload.year));
  }
}
