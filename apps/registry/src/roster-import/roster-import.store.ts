// Working data of roster imports: upload parts (encrypted: a roster holds ID numbers in clear) until
// the import reads them, and each import's per-row report (masked).
import type { registryV1 } from '@jineng/contracts';
import { Injectable } from '@nestjs/common';
import { RegistryInfrastructure } from '../shared/registry-infrastructure';
import { RosterTooLarge } from './domain/roster-import.errors';

const PARTS = 'roster_upload_parts';
/** Parts nobody imported are dropped after a day. */
const PART_TTL = '1 day';

export interface UploadParts {
  readonly received: number;
  readonly partCount: number;
  readonly uploadedBy: string;
  /** the file bytes the parts hold together */
  readonly bytes: number;
}

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

  /**
   * Stores (or replaces) a part, unless the upload's parts would then hold more than `maxTotalBytes`
   * (a re-sent part counts once); answers how many parts are there, their bytes and who started it.
   * Parts of one upload are saved one at a time, so that two parts sent at once cannot both pass.
   */
  async savePart(
    part: { uploadId: string; partIndex: number; partCount: number; content: Buffer },
    userId: string,
    maxTotalBytes: number,
  ): Promise<UploadParts & { saved: boolean; totalBytes: number }> {
    const { pool, cipher } = this.infra;
    const table = this.infra.table(PARTS);
    await pool.query(`delete from ${table} where received_at < now() - interval '${PART_TTL}'`);
    const content = cipher.encrypt(part.content.toString('base64'), {
      table: PARTS,
      id: `${part.uploadId}:${part.partIndex}`,
      field: 'content',
    });
    const tx = await pool.connect();
    try {
      await tx.query('begin');
      await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${table}:${part.uploadId}`]);
      const { rows } = await tx.query<{ others: string }>(
        `select coalesce(sum(content_bytes), 0) as others from ${table} where upload_id = $1 and part_index <> $2`,
        [part.uploadId, part.partIndex],
      );
      const totalBytes = Number(rows[0]!.others) + part.content.length;
      const saved = totalBytes <= maxTotalBytes;
      if (saved)
        await tx.query(
          `insert into ${table} (upload_id, part_index, part_count, uploaded_by, content_enc, content_bytes)
           values ($1, $2, $3, $4, $5, $6)
           on conflict (upload_id, part_index) do update
             set content_enc = excluded.content_enc, content_bytes = excluded.content_bytes, received_at = now()
           where ${table}.uploaded_by = excluded.uploaded_by`,
          [part.uploadId, part.partIndex, part.partCount, userId, content, part.content.length],
        );
      await tx.query('commit');
      return { ...(await this.partsOf(part.uploadId)), saved, totalBytes };
    } catch (error) {
      await tx.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  async partsOf(uploadId: string): Promise<UploadParts> {
    const { rows } = await this.infra.pool.query<{
      received: string;
      part_count: number;
      uploaded_by: string;
      bytes: string;
    }>(
      `select count(*) as received, max(part_count) as part_count, min(uploaded_by) as uploaded_by,
         coalesce(sum(content_bytes), 0) as bytes
       from ${this.infra.table(PARTS)} where upload_id = $1`,
      [uploadId],
    );
    return {
      received: Number(rows[0].received),
      partCount: rows[0].part_count ?? 0,
      uploadedBy: rows[0].uploaded_by,
      bytes: Number(rows[0].bytes),
    };
  }

  /**
   * The upload's file, its parts decrypted one by one in order; a part past `maxBytes` in all (the
   * stored sizes are checked first, the decrypted bytes here) stops it with ROSTER.TOO_LARGE.
   */
  async loadFile(uploadId: string, maxBytes: number): Promise<Buffer> {
    const { rows } = await this.infra.pool.query<{ part_index: number }>(
      `select part_index from ${this.infra.table(PARTS)} where upload_id = $1 order by part_index`,
      [uploadId],
    );
    const parts: Buffer[] = [];
    let total = 0;
    for (const { part_index } of rows) {
      const { rows: stored } = await this.infra.pool.query<{ content_enc: Buffer }>(
        `select content_enc from ${this.infra.table(PARTS)} where upload_id = $1 and part_index = $2`,
        [uploadId, part_index],
      );
      const part = Buffer.from(
        this.infra.cipher.decrypt(stored[0]!.content_enc, {
          table: PARTS,
          id: `${uploadId}:${part_index}`,
          field: 'content',
        }),
        'base64',
      );
      total += part.length;
      if (total > maxBytes)
        throw new RosterTooLarge({ field: 'uploadId', limit: maxBytes, actual: total, unit: 'bytes' });
      parts.push(part);
    }
    return Buffer.concat(parts, total);
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
