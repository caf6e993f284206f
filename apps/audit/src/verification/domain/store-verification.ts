// One service's store verified from inside the platform (ADR 0021), pure: the source's rows (read from
// its own `events` table through its read-only role) → every chain recomputed from version 1
// (audit-chain.ts: the stored hash is not trusted), and the audit copy's rows of that service compared
// with the source event by event — missing from the copy, held otherwise, or in the copy only.
import type { auditV1 } from '@jineng/contracts';
import { AuditChainCheck, type AuditChainRow } from './audit-chain';

export const MAX_LISTED_DIFFERENCES = 100;

const COMPARED = [
  'streamId',
  'version',
  'type',
  'recordedAtMillis',
  'dataText',
  'metadataText',
  'hash',
] as const;
const FIELD_NAMES: Readonly<Record<(typeof COMPARED)[number], string>> = {
  streamId: 'streamId',
  version: 'version',
  type: 'type',
  recordedAtMillis: 'recordedAt',
  dataText: 'data',
  metadataText: 'metadata',
  hash: 'hash',
};

const byStreamVersion = (a: AuditChainRow, b: AuditChainRow): number =>
  a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.version - b.version;

/** `source` in stream id, version order (as the reader reads it); `copy` in any order. */
export function verifyServiceStore(
  service: string,
  source: readonly AuditChainRow[],
  copy: readonly AuditChainRow[],
): auditV1.ServiceStoreReport {
  const chains = new AuditChainCheck();
  for (const row of source) chains.add(row);
  const chainReport = chains.report();

  const copied = new Map(copy.map((row) => [row.eventId, row]));
  const differences: { row: AuditChainRow; kind: 'missing' | 'different' | 'extra'; fields: string[] }[] = [];
  let missing = 0;
  let different = 0;
  for (const row of source) {
    const held = copied.get(row.eventId);
    copied.delete(row.eventId);
    if (!held) {
      missing++;
      differences.push({ row, kind: 'missing', fields: [] });
      continue;
    }
    const fields = COMPARED.filter((field) => held[field] !== row[field]).map((field) => FIELD_NAMES[field]);
    if (fields.length > 0) {
      different++;
      differences.push({ row: held, kind: 'different', fields });
    }
  }
  const extra = [...copied.values()];
  for (const row of extra) differences.push({ row, kind: 'extra', fields: [] });
  const listed = differences
    .sort((a, b) => byStreamVersion(a.row, b.row))
    .slice(0, MAX_LISTED_DIFFERENCES)
    .map(({ row, kind, fields }) => ({
      streamId: row.streamId,
      version: row.version,
      eventId: row.eventId,
      kind,
      fields,
    }));
  return {
    service,
    ok: chainReport.ok && differences.length === 0,
    streams: chainReport.streams,
    eventsChecked: chainReport.events,
    broken: chainReport.broken.map((link) => ({ ...link })),
    copyMissing: missing,
    copyDifferent: different,
    copyExtra: extra.length,
    copyDifferences: listed,
  };
}

/** A store the audit service could not read: reported, never taken as verified. */
export function unreachableStore(service: string, why: string): auditV1.ServiceStoreReport {
  return {
    service,
    ok: false,
    unreachable: why,
    streams: 0,
    eventsChecked: 0,
    broken: [],
    copyMissing: 0,
    copyDifferent: 0,
    copyExtra: 0,
    copyDifferences: [],
  };
}
