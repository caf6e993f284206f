// Working data of roster imports: upload parts (encrypted: a roster holds ID numbers in clear) until
// the import reads them, and each import's per-row report (masked).
import type { registryV1 } from '@jineng/contracts';
import { Injectable } from '@nestjs/common';
import { RegistryInfrastructure } from '../shared/registry-infrastructure';

const PARTS = 'roster_upload_parts';
/** Parts nobody imported are dropped after a day. */
const PART_TTL = '1 day';

export interface ImportSummary {
  readonly importId: string;
  readonly jurisdiction: string;
  readonly fileSha256: string;
  readonly format: 'xlsx' | 'csv';
  readonly rows: number;
  readonly registered: number;
  readonly alreadyRegistered: number;
  readonly rejected: number;
  readonly importedBy: string;
  /** sha256 of the import request (absent on reports stored before command identity) */
  readonly requestDigest?: string;
}

@Injectable()
export class RosterImportStore {
  constructor(private readonly infra: RegistryInfrastructure) {}

  /** Stores (or replaces) a part; answers how many parts of the upload are there and who started it. */
  async savePart(
    part: { uploadId: string; partIndex: number; partCount: number; content: Buffer },
    userId: string,
  ): Promise<{ received: number; partCount: number; uploadedBy: string }> {
    const { pool, cipher } = this.infra;
    await pool.query(
      `delete from ${this.infra.table(PARTS)} where received_at < now() - interval '${PART_TTL}'`,
    );
    const content = cipher.encrypt(part.content.toString('base64'), {
      table: PARTS,
      id: `${part.uploadId}:${part.partIndex}`,
      field: 'content',
    });
    await pool.query(
      `insert into ${this.infra.table(PARTS)} (upload_id, part_index, part_count, uploaded_by, content_enc)
       values ($1, $2, $3, $4, $5)
       on conflict (upload_id, part_index) do update set content_enc = excluded.content_enc, received_at = now()
       where ${this.infra.table(PARTS)}.uploaded_by = excluded.uploaded_by`,
      [part.uploadId, part.partIndex, part.partCount, userId, content],
    );
    return this.partsOf(part.uploadId);
  }

  async partsOf(uploadId: string): Promise<{ received: number; partCount: number; uploadedBy: string }> {
    const { rows } = await this.infra.pool.query<{
      received: string;
      part_count: number;
      uploaded_by: string;
    }>(
      `select count(*) as received, max(part_count) as part_count, min(uploaded_by) as uploaded_by
       from ${this.infra.table(PARTS)} where upload_id = $1`,
      [uploadId],
    );
    return {
      received: Number(rows[0].received),
      partCount: rows[0].part_count ?? 0,
      uploadedBy: rows[0].uploaded_by,
    };
  }

  async loadFile(uploadId: string): Promise<Buffer> {
    const { rows } = await this.infra.pool.query<{ part_index: number; content_enc: Buffer }>(
      `select part_index, content_enc from ${this.infra.table(PARTS)} where upload_id = $1 order by part_index`,
      [uploadId],
    );
    return Buffer.concat(
      rows.map((r) =>
        Buffer.from(
          this.infra.cipher.decrypt(r.content_enc, {
            table: PARTS,
            id: `${uploadId}:${r.part_index}`,
            field: 'content',
          }),
          'base64',
        ),
      ),
    );
  }

  async deleteUpload(uploadId: string): Promise<void> {
    await this.infra.pool.query(`delete from ${this.infra.table(PARTS)} where upload_id = $1`, [uploadId]);
  }

  async saveReport(summary: ImportSummary, results: readonly registryV1.RosterRowResult[]): Promise<void> {
    const tx = await this.infra.pool.connect();
    try {
      await tx.query('begin');
      await tx.query(
        `insert into ${this.infra.table('roster_imports')} (import_id, jurisdiction, file_sha256, format, rows,
           registered, already_registered, rejected, imported_by, request_digest)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          summary.importId,
          summary.jurisdiction,
          summary.fileSha256,
          summary.format,
          summary.rows,
          summary.registered,
          summary.alreadyRegistered,
          summary.rejected,
          summary.importedBy,
          summary.requestDigest ?? null,
        ],
      );
      for (let i = 0; i < results.length; i += 5000) {
        const chunk = results.slice(i, i + 5000);
        await tx.query(
          `insert into ${this.infra.table('roster_import_rows')} (import_id, row, outcome, worker_id, id_number_masked, problems)
           select $1, * from unnest($2::int[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[])`,
          [
            summary.importId,
            chunk.map((r) => r.row),
            chunk.map((r) => r.outcome),
            chunk.map((r) => r.workerId ?? null),
            chunk.map((r) => r.idNumberMasked ?? null),
            chunk.map((r) => JSON.stringify(r.problems)),
          ],
        );
      }
      await tx.query('commit');
    } catch (error) {
      await tx.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  async summary(importId: string): Promise<ImportSummary | undefined> {
    const { rows } = await this.infra.pool.query(
      `select import_id, jurisdiction, file_sha256, format, rows, registered, already_registered, rejected,
              imported_by, request_digest
       from ${this.infra.table('roster_imports')} where import_id = $1`,
      [importId],
    );
    const r = rows[0];
    return r
      ? {
          importId: r.import_id,
          jurisdiction: r.jurisdiction,
          fileSha256: r.file_sha256,
          format: r.format,
          rows: r.rows,
          registered: r.registered,
          alreadyRegistered: r.already_registered,
          rejected: r.rejected,
          importedBy: r.imported_by,
          ...(r.request_digest ? { requestDigest: r.request_digest } : {}),
        }
      : undefined;
  }

  async results(
    importId: string,
    page: { outcome?: string; offset: number; limit: number },
  ): Promise<{ total: number; results: registryV1.RosterRowResult[] }> {
    const where = `import_id = $1${page.outcome ? ' and outcome = $2' : ''}`;
    const params: unknown[] = page.outcome ? [importId, page.outcome] : [importId];
    const table = this.infra.table('roster_import_rows');
    const [{ rows: count }, { rows }] = await Promise.all([
      this.infra.pool.query(`select count(*)::int as n from ${table} where ${where}`, params),
      this.infra.pool.query(
        `select row, outcome, worker_id, id_number_masked, problems from ${table} where ${where}
         order by row offset ${page.offset} limit ${page.limit}`,
        params,
      ),
    ]);
    return {
      total: count[0].n,
      results: rows.map((r) => ({
        row: r.row,
        outcome: r.outcome,
        ...(r.worker_id ? { workerId: r.worker_id } : {}),
        ...(r.id_number_masked ? { idNumberMasked: r.id_number_masked } : {}),
        problems: r.problems,
      })),
    };
  }
}
