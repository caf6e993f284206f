// ExportCertificates: the same list as ListCertificates, every row, as .xlsx or JSON — written to the
// service's file store while it is read, answered as a FileReply the gateway streams.
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
import {
  certificateExportFile,
  certificateList,
  certificateScope,
} from '../list-certificates/certificate-list';

/** a direct export answers within the request's timeout: larger lists are narrowed by filters */
export const MAX_EXPORT_ROWS = 10_000;

@Injectable()
export class ExportCertificatesHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(FILE_STORE) private readonly files: FileStore,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<certificationV1.ExportCertificates>): Promise<commonV1.FileReply> {
    const { jurisdiction, format, ...request } = payload;
    const scope = certificateScope(envelope.principal, {
      jurisdiction,
      institutionId: payload.institutionId,
    });
    const rows = await countRows(this.pool, certificateList, this.config.schema, request, scope);
    if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
    const rowsOf = iterateRows(this.pool, certificateList, this.config.schema, request, scope);
    return this.files.put(certificateExportFile(rowsOf, format, shanghaiDate(this.clock.now())));
  }
}
