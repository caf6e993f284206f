// ListPublicInstitutions and ExportPublicInstitutions: the directory anyone may read without signing in
// (the gateway forwards the anonymous principal, rate-limited); the same filters page and export.
import type { commonV1, registryV1 } from '@jineng/contracts';
import { countRows, ExportTooLargeError, iterateRows, queryPage } from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { MAX_EXPORT_ROWS } from '../../worker/export-workers/export-workers.handler';
import { publicInstitutionExportFile, publicInstitutionList, publicScope } from './public-institution-list';

@Injectable()
export class ListPublicInstitutionsHandler {
  constructor(
    private readonly infra: RegistryInfrastructure,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async list({
    payload,
  }: RpcRequest<registryV1.ListPublicInstitutions>): Promise<registryV1.PublicInstitutionPage> {
    const page = await queryPage(
      this.infra.pool,
      publicInstitutionList,
      this.infra.schema,
      payload,
      publicScope(payload),
    );
    return {
      ...page,
      items: page.items.map((row) => ({
        institutionId: String(row.institutionId),
        name: String(row.name),
        creditCode: String(row.creditCode),
        type: String(row.type),
        jurisdiction: String(row.jurisdiction),
        scope: row.scope as registryV1.PublicInstitution['scope'],
        ...(row.publicationBatch ? { publicationBatch: String(row.publicationBatch) } : {}),
        ...(row.listedOn ? { listedOn: String(row.listedOn) } : {}),
        disqualifiedYears: row.disqualifiedYears as number[],
      })),
    };
  }

  async export({ payload }: RpcRequest<registryV1.ExportPublicInstitutions>): Promise<commonV1.FileReply> {
    const { format, ...request } = payload;
    const scope = publicScope(request);
    const rows = await countRows(this.infra.pool, publicInstitutionList, this.infra.schema, request, scope);
    if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
    const rowsOf = iterateRows(this.infra.pool, publicInstitutionList, this.infra.schema, request, scope);
    return this.files.put(publicInstitutionExportFile(rowsOf, format, this.infra.clock.now()));
  }
}
