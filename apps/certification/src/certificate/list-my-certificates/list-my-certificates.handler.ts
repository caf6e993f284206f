// ListMyCertificates and ExportMyCertificates: the signed-in worker's certificates, each with the public
// verification address its QR code opens; the export has the same filter and sort.
import type { certificationV1, commonV1 } from '@jineng/contracts';
import { shanghaiDate, type Clock } from '@jineng/kernel';
import { countRows, ExportTooLargeError, iterateRows, queryPage } from '@jineng/lists';
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
import { MAX_EXPORT_ROWS } from '../export-certificates/export-certificates.handler';
import { CertificateQrCodes } from '../qr-code';
import { myCertificateExportFile, myCertificateList, ownCertificates } from './my-certificate-list';

@Injectable()
export class ListMyCertificatesHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(FILE_STORE) private readonly files: FileStore,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    private readonly qrCodes: CertificateQrCodes,
  ) {}

  async list({
    envelope,
    payload,
  }: RpcRequest<certificationV1.ListMyCertificates>): Promise<certificationV1.MyCertificatePage> {
    const scope = ownCertificates(envelope.principal);
    const page = await queryPage(this.pool, myCertificateList, this.config.schema, payload, scope);
    return {
      ...page,
      items: page.items.map((row) => ({
        certificateId: String(row.certificateId),
        certificateNumber: String(row.certificateNumber),
        occupationCode: String(row.occupationCode),
        level: Number(row.level),
        kind: String(row.kind),
        issuedOn: String(row.issuedOn),
        status: row.status as certificationV1.MyCertificate['status'],
        verificationUrl: this.qrCodes.verificationUrlOf(String(row.certificateNumber)),
      })),
    };
  }

  async export({
    envelope,
    payload,
  }: RpcRequest<certificationV1.ExportMyCertificates>): Promise<commonV1.FileReply> {
    const { format, ...request } = payload;
    const scope = ownCertificates(envelope.principal);
    const rows = await countRows(this.pool, myCertificateList, this.config.schema, request, scope);
    if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
    const rowsOf = iterateRows(this.pool, myCertificateList, this.config.schema, request, scope);
    return this.files.put(myCertificateExportFile(rowsOf, format, shanghaiDate(this.clock.now())));
  }
}
