// A bank statement in parts (../domain/statement-parts.ts): UploadBankStatementPart keeps each part's text
// in a row of its own (the primary key makes two concurrent uploads of one part keep one; the service
// cannot read its files bucket back, so the parts are kept in its schema); GetBankStatementParts lists
// what came, so an interrupted upload resumes with the rest; RecordBankStatementParts reconciles the
// parts read back one after the other (one part in memory at a time) as one stream of lines — a job with
// progress, as RecordBankStatement's (its id is the command id).
import { createHash } from 'node:crypto';
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import type { Principal, RpcRequest } from '@jineng/messaging';
import { JobTracker, PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { assertFinance } from '../../funds/domain/funds.decide';
import { linesOf } from '../domain/bank-files';
import { partDecision, partsToReconcile, type KeptPart } from '../domain/statement-parts';
import { StatementReconciler } from '../record-bank-statement/statement-reconciler';

interface PartRow extends KeptPart {
  readonly characters: number;
}

@Injectable()
export class BankStatementPartsHandler {
  private readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly jobs: JobTracker,
    private readonly reconciler: StatementReconciler,
  ) {
    this.S = quoteSchema(config.schema);
  }

  async upload({
    envelope,
    payload,
  }: RpcRequest<fundLedgerV1.UploadBankStatementPart>): Promise<fundLedgerV1.BankStatementPart> {
    const { principal } = envelope;
    const { statementId, jurisdictionCode, partNumber, csv } = payload;
    assertFinance(principal, principal.jurisdiction, jurisdictionCode);
    const digest = createHash('sha256').update(csv).digest('hex');
    const upload = { partNumber, jurisdictionCode, digest };
    const answer = (idempotent: boolean) => ({
      statementId,
      partNumber,
      digest,
      characters: csv.length,
      idempotent,
    });
    if (partDecision(statementId, upload, await this.kept(statementId)) === 'same') return answer(true);
    const { rowCount } = await this.pool.query(
      `insert into ${this.S}.statement_parts (statement_id, part_number, jurisdiction_code, csv, digest, characters)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [statementId, partNumber, jurisdictionCode, csv, digest, csv.length],
    );
    // a concurrent upload of the same part kept its own first: judged against it
    if (rowCount === 0) partDecision(statementId, upload, await this.kept(statementId));
    return answer(rowCount === 0);
  }

  async list({
    envelope,
    payload,
  }: RpcRequest<fundLedgerV1.GetBankStatementParts>): Promise<fundLedgerV1.BankStatementParts> {
    const kept = await this.kept(payload.statementId);
    this.assertReader(envelope.principal, kept);
    return {
      statementId: payload.statementId,
      parts: kept.map((p) => ({
        statementId: payload.statementId,
        partNumber: p.partNumber,
        digest: p.digest,
        characters: p.characters,
        idempotent: true,
      })),
    };
  }

  async record({
    envelope,
    payload,
  }: RpcRequest<fundLedgerV1.RecordBankStatementParts>): Promise<commonV1.JobAccepted> {
    const { principal } = envelope;
    const { statementId, jurisdictionCode, partCount } = payload;
    assertFinance(principal, principal.jurisdiction, jurisdictionCode);
    const kept = await this.kept(statementId);
    const order = partsToReconcile(statementId, jurisdictionCode, partCount, kept);
    const { jobId, created } = await this.jobs.create({
      ...(envelope.commandId ? { jobId: envelope.commandId } : {}),
      kind: 'bank-statement',
      requestedBy: principal,
    });
    if (!created) return { jobId };
    const { pool, S } = this;
    const bytes = async function* (): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      for (const partNumber of order) {
        const { rows } = await pool.query<{ csv: string }>(
          `select csv from ${S}.statement_parts where statement_id = $1 and part_number = $2`,
          [statementId, partNumber],
        );
        const part = encoder.encode(rows[0]!.csv);
        for (let at = 0; at < part.length; at += 65_536) yield part.subarray(at, at + 65_536);
      }
    };
    this.jobs.run(jobId, (progress) =>
      this.reconciler.reconcile(statementId, jurisdictionCode, linesOf(bytes()), progress),
    );
    return { jobId };
  }

  private assertReader(principal: Principal, kept: readonly PartRow[]): void {
    const jurisdiction = kept[0]?.jurisdictionCode;
    if (jurisdiction) assertFinance(principal, principal.jurisdiction, jurisdiction);
    else assertFinance(principal, principal.jurisdiction, principal.jurisdiction ?? '');
  }

  private async kept(statementId: string): Promise<PartRow[]> {
    const { rows } = await this.pool.query<{
      part_number: number;
      jurisdiction_code: string;
      digest: string;
      characters: number;
    }>(
      `select part_number, jurisdiction_code, digest, characters from ${this.S}.statement_parts
       where statement_id = $1 order by part_number`,
      [statementId],
    );
    return rows.map((r) => ({
      partNumber: r.part_number,
      jurisdictionCode: r.jurisdiction_code,
      digest: r.digest,
      characters: r.characters,
    }));
  }
}
