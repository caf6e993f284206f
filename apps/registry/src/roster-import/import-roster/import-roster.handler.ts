// ImportRoster (花名册): every row of a .xlsx or .csv file is read, checked and registered on its own,
// by exactly the rules of RegisterWorker (contract, then the worker decider); the answer is a per-row
// report. Re-uploading the same file changes nothing: every row is then already registered, and an
// import that registers nobody records no event.
//
// The import's record is its stored report (an import that registers nobody records no event), so
// the report also keeps what its command id did — who asked and the request's digest: a retry with
// the same request answers the report (after checking the caller may see its jurisdiction), any
// other request under the same id is refused (COMMAND.ID_REUSED).
//
// Limits (issue #9, roster-limits.ts): the file's size is checked before it is decrypted, it is read
// as a stream that stops at the caps on inflated bytes, compression ratio and rows, and only so many
// imports run at once (ImportAdmission).
//
// For speed the new workers of a file are registered in chunks: one transaction per chunk holds each
// worker's WorkerRegistered.v1 (its own stream, expected `no_stream`) and the chunk's encrypted
// personal data, so a chunk commits whole or not at all.
import { createHash } from 'node:crypto';
import { validateContract, type registryV1 } from '@jineng/contracts';
import {
  assertSameCommand,
  decisionEvents,
  deriveEventId,
  eventMetadataOf,
  toJsonObject,
  type CommandMetadata,
  type DomainError,
} from '@jineng/ddd';
import { WrongExpectedVersionError } from '@jineng/event-store';
import type { Principal, RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { residentIdentity, type ResidentIdentity } from '../../personal-data/resident-identity';
import { rosterRowCommandId } from '../../shared/deterministic-id';
import { ROSTER_LIMITS } from '../../registry.tokens';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { registerWorkerData } from '../../worker/register-worker/register-worker.handler';
import { registrationProblems, workerDecider, type RegisterWorker } from '../../worker/domain/worker.decide';
import { workerStreamId } from '../../worker/domain/worker.events';
import { WorkerPersonalDataVault, type WorkerPersonalDataRow } from '../../worker/worker-personal-data.vault';
import { mapHeader, rowToPayload, type CellProblem } from '../domain/roster-columns';
import { rosterImportDecider } from '../domain/roster-import.decide';
import {
  RosterColumnsMissing,
  RosterFileMissing,
  RosterTooLarge,
  RosterUploadIncomplete,
  RosterUploadNotYours,
} from '../domain/roster-import.errors';
import { rosterImportStreamId } from '../domain/roster-import.events';
import { RosterImportStore, type ImportSummary } from '../roster-import.store';
import type { RosterLimits } from '../roster-limits';
import { ImportAdmission } from './import-admission';
import { formatOf, readRosterFile } from './roster-file-reader';
import type { RosterRow } from './roster-rows';

/** rows of the report in the answer; the rest page through GetRosterImportReport */
const REPLY_ROWS = 500;
const CHUNK = 500;
const PARALLEL_CHUNKS = Number(process.env.JINENG_ROSTER_PARALLEL_CHUNKS ?? 2);

type RowResult = registryV1.RosterRowResult;

interface Candidate {
  readonly index: number;
  readonly command: RegisterWorker;
  readonly vaultRow: WorkerPersonalDataRow;
}

@Injectable()
export class ImportRosterHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly infra: RegistryInfrastructure,
    private readonly vault: WorkerPersonalDataVault,
    private readonly store: RosterImportStore,
    private readonly admission: ImportAdmission,
    @Inject(ROSTER_LIMITS) private readonly limits: RosterLimits,
  ) {}

  async handle(request: RpcRequest<registryV1.ImportRoster>): Promise<registryV1.RosterImportResult> {
    const { envelope, payload } = request;
    authorize(envelope.principal, OFFICERS, { jurisdiction: payload.jurisdiction });
    const metadata = this.commands.metadataOf(request, payload.jurisdiction);
    const importId = metadata.commandId;
    // the same command again (a client retry) answers with its report
    const done = await this.store.summary(importId);
    if (done) return this.answerAgain(done, envelope.principal, metadata);

    const release = this.admission.admit(envelope.principal.userId);
    try {
      return await this.importFile(request, metadata);
    } finally {
      release();
    }
  }

  private async importFile(
    request: RpcRequest<registryV1.ImportRoster>,
    metadata: CommandMetadata,
  ): Promise<registryV1.RosterImportResult> {
    const { payload } = request;
    const importId = metadata.commandId;
    const userId = request.envelope.principal.userId;
    const field = payload.uploadId !== undefined ? 'uploadId' : 'contentBase64';
    const content = await this.fileOf(payload, userId);
    const format = formatOf(payload.fileName);
    const fileSha256 = createHash('sha256').update(content).digest('hex');
    const { rows, columns } = await this.readRows(content, format, field);

    const results: RowResult[] = new Array(rows.length);
    const candidates = this.check(rows, columns, payload.jurisdiction, importId, metadata, results);
    await this.register(candidates, results, importId);

    const summary: ImportSummary = {
      importId,
      jurisdiction: payload.jurisdiction,
      fileSha256,
      format,
      rows: results.length,
      registered: results.filter((r) => r.outcome === 'registered').length,
      alreadyRegistered: results.filter((r) => r.outcome === 'already_registered').length,
      rejected: results.filter((r) => r.outcome === 'rejected').length,
      importedBy: userId,
      requestDigest: metadata.requestDigest,
    };
    await this.store.saveReport(summary, results);
    const { importedBy: _by, requestDigest: _digest, ...recorded } = summary;
    await this.commands.run(request, {
      decider: rosterImportDecider,
      streamId: rosterImportStreamId(importId),
      jurisdiction: payload.jurisdiction,
      command: { type: 'RecordRosterImport', data: recorded },
    });
    if (payload.uploadId) await this.store.deleteUpload(payload.uploadId);
    return this.reply(summary, results);
  }

  /** A retry: the same request by the same officer, who may still see the report's jurisdiction. */
  private answerAgain(
    done: ImportSummary,
    principal: Principal,
    metadata: CommandMetadata,
  ): Promise<registryV1.RosterImportResult> {
    const streamId = rosterImportStreamId(done.importId);
    assertSameCommand(
      done.importId,
      { streamId, commandType: 'ImportRoster', actorId: done.importedBy, requestDigest: done.requestDigest },
      {
        streamId,
        commandType: 'ImportRoster',
        actorId: principal.userId,
        requestDigest: metadata.requestDigest,
      },
    );
    authorize(principal, OFFICERS, { jurisdiction: done.jurisdiction });
    return this.reply(done);
  }

  private async fileOf(payload: registryV1.ImportRoster, userId: string): Promise<Buffer> {
    if ((payload.contentBase64 === undefined) === (payload.uploadId === undefined))
      throw new RosterFileMissing({ field: 'contentBase64' });
    if (payload.contentBase64 !== undefined) {
      const content = Buffer.from(payload.contentBase64, 'base64');
      this.checkFileSize('contentBase64', content.length);
      return content;
    }
    const uploadId = payload.uploadId!;
    const parts = await this.store.partsOf(uploadId);
    if (parts.received > 0 && parts.uploadedBy !== userId) throw new RosterUploadNotYours({ uploadId });
    if (parts.received === 0 || parts.received !== parts.partCount)
      throw new RosterUploadIncomplete({ uploadId, received: parts.received, expected: parts.partCount });
    // checked before anything is decrypted (UploadRosterPart checked it at every part too)
    this.checkFileSize('uploadId', parts.bytes);
    return this.store.loadFile(uploadId, this.limits.maxFileBytes);
  }

  private checkFileSize(field: string, bytes: number): void {
    if (bytes > this.limits.maxFileBytes)
      throw new RosterTooLarge({ field, limit: this.limits.maxFileBytes, actual: bytes, unit: 'bytes' });
  }

  private async readRows(content: Buffer, format: 'xlsx' | 'csv', field: string) {
    const { header, rows } = await readRosterFile(content, format, this.limits, field);
    const { columns, missing } = mapHeader(header);
    if (missing.length > 0) throw new RosterColumnsMissing({ field, missing });
    return { rows, columns };
  }

  /** Each row on its own: cells, contract, identity, the decider's rules; answers what may be registered. */
  private check(
    rows: readonly RosterRow[],
    columns: ReturnType<typeof mapHeader>['columns'],
    jurisdiction: string,
    importId: string,
    metadata: RegisterWorker['metadata'],
    results: RowResult[],
  ): Candidate[] {
    const now = this.infra.clock.now();
    const firstRowOf = new Map<string, number>();
    const candidates: Candidate[] = [];
    rows.forEach(({ row, cells }, index) => {
      const { payload, problems } = rowToPayload(cells, columns);
      const rowPayload = { ...payload, jurisdiction };
      const validation = validateContract('jineng.registry.v1.RegisterWorker', rowPayload);
      if (!validation.ok) {
        const named = new Set(problems.map((p) => p.field));
        for (const v of validation.violations) {
          if (!named.has(v.path))
            problems.push({
              field: v.path,
              code: 'REGISTRY.INVALID_FIELD',
              reason: v.reason,
              reasonEn: v.reasonEn,
            });
        }
      }
      if (problems.length > 0 || !validation.ok) {
        results[index] = { row, outcome: 'rejected', ...maskedIdOf(payload.idNumber), problems };
        return;
      }
      let identity: ResidentIdentity;
      try {
        identity = residentIdentity(this.infra.cipher, validation.value.idNumber, now);
      } catch (error) {
        results[index] = { row, outcome: 'rejected', problems: [problemOf(error as DomainError)] };
        return;
      }
      const command: RegisterWorker = {
        type: 'RegisterWorker',
        metadata: { ...metadata, commandId: rosterRowCommandId(importId, row) },
        data: registerWorkerData(validation.value, identity),
      };
      const ruleProblems = registrationProblems(command).map(problemOf);
      const masked = { workerId: identity.workerId, idNumberMasked: identity.idNumberMasked };
      if (ruleProblems.length > 0) {
        results[index] = {
          row,
          outcome: 'rejected',
          idNumberMasked: identity.idNumberMasked,
          problems: ruleProblems,
        };
        return;
      }
      const first = firstRowOf.get(identity.workerId);
      if (first !== undefined) {
        results[index] = {
          row,
          outcome: 'already_registered',
          ...masked,
          problems: [
            {
              field: 'idNumber',
              code: 'ROSTER.DUPLICATE_ROW',
              reason: `与第 ${first} 行为同一人`,
              reasonEn: `the same person as row ${first}`,
            },
          ],
        };
        return;
      }
      firstRowOf.set(identity.workerId, row);
      results[index] = { row, outcome: 'registered', ...masked, problems: [] };
      candidates.push({
        index,
        command,
        vaultRow: {
          workerId: identity.workerId,
          idNumberHash: identity.idNumberHash,
          idNumber: identity.residentId.unmasked(),
          name: validation.value.name,
          phone: validation.value.phone,
          registeredCommandId: command.metadata.commandId,
        },
      });
    });
    return candidates;
  }

  /** Registers the candidates not registered yet, chunk by chunk; marks the others already registered. */
  private async register(
    candidates: readonly Candidate[],
    results: RowResult[],
    importId: string,
  ): Promise<void> {
    const fresh: Candidate[] = [];
    for (let i = 0; i < candidates.length; i += 5000) {
      const slice = candidates.slice(i, i + 5000);
      const known = await this.vault.registered(slice.map((c) => c.vaultRow.workerId));
      for (const candidate of slice) {
        const by = known.get(candidate.vaultRow.workerId);
        // registered by this very row before (a retried import) counts as this import's registration
        if (by === undefined) fresh.push(candidate);
        else if (by !== candidate.command.metadata.commandId)
          results[candidate.index] = alreadyRegistered(results[candidate.index]);
      }
    }
    const chunks: Candidate[][] = [];
    for (let i = 0; i < fresh.length; i += CHUNK) chunks.push(fresh.slice(i, i + CHUNK));
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) await this.registerChunk(chunks[next++], results, importId);
    };
    await Promise.all(Array.from({ length: PARALLEL_CHUNKS }, worker));
  }

  private async registerChunk(
    chunk: readonly Candidate[],
    results: RowResult[],
    importId: string,
  ): Promise<void> {
    // one lock order for every chunk (by stream id): concurrent imports never wait on each other in a cycle
    const ordered = [...chunk].sort((a, b) => (a.vaultRow.workerId < b.vaultRow.workerId ? -1 : 1));
    const tx = await this.infra.pool.connect();
    try {
      await tx.query('begin');
      const outcomes = await this.infra.store.appendToStreams(
        ordered.map(({ index, command, vaultRow }) => {
          const [event] = decisionEvents(workerDecider.decide(command, workerDecider.initialState()));
          return {
            streamId: workerStreamId(vaultRow.workerId),
            expectedVersion: 'no_stream' as const,
            events: [
              {
                id: deriveEventId(command.metadata.commandId, 0),
                type: event.type,
                data: toJsonObject(event.data),
                metadata: toJsonObject(
                  eventMetadataOf(command, { rosterImportId: importId, rosterRow: results[index].row }),
                ),
              },
            ],
          };
        }),
        { on: tx },
      );
      const stored: WorkerPersonalDataRow[] = [];
      outcomes.forEach((outcome, i) => {
        const { index, vaultRow } = ordered[i];
        // registered meanwhile by someone else: one person, one card
        if (outcome instanceof WrongExpectedVersionError) results[index] = alreadyRegistered(results[index]);
        else if (!outcome.idempotent) stored.push(vaultRow);
      });
      await this.vault.insert(tx, stored);
      await tx.query('commit');
    } catch (error) {
      await tx.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  private async reply(
    summary: ImportSummary,
    all?: readonly RowResult[],
  ): Promise<registryV1.RosterImportResult> {
    const results = all
      ? all.slice(0, REPLY_ROWS)
      : (await this.store.results(summary.importId, { offset: 0, limit: REPLY_ROWS })).results;
    const { importedBy: _by, jurisdiction: _j, requestDigest: _d, ...counts } = summary;
    return { ...counts, results, resultsComplete: summary.rows <= REPLY_ROWS };
  }
}

const alreadyRegistered = (result: RowResult): RowResult => ({ ...result, outcome: 'already_registered' });

function problemOf(error: DomainError): CellProblem {
  const field = typeof error.details.field === 'string' ? error.details.field : '';
  return { field, code: error.code, reason: error.messageZh, reasonEn: error.messageEn };
}

/** The masked ID number of a rejected row, when the cell holds a well-formed number. */
function maskedIdOf(idNumber: unknown): { idNumberMasked?: string } {
  if (typeof idNumber !== 'string' || !/^\d{17}[\dX]$/.test(idNumber)) return {};
  return { idNumberMasked: `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(14)}` };
}
