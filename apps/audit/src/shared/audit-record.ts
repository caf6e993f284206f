// One event of the audit copy as the explain, replay and recompute questions read it: where it comes
// from (service, stream, version), when the owning service recorded it, its chain hash and its data.
export interface AuditRecord {
  readonly eventId: string;
  readonly service: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamVersion: number;
  /** ISO instant, as the owning service recorded it */
  readonly recordedAt: string;
  readonly hash: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The copy's order: the owning services' recording time, then stream and version. */
export function byRecordedOrder(a: AuditRecord, b: AuditRecord): number {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  if (a.streamId !== b.streamId) return a.streamId < b.streamId ? -1 : 1;
  return a.streamVersion - b.streamVersion;
}

/** Field readers for event data: the contracts fix the fields; a missing one reads as absent. */
export const text = (data: Readonly<Record<string, unknown>>, field: string): string | undefined =>
  typeof data[field] === 'string' && data[field] !== '' ? (data[field] as string) : undefined;
export const num = (data: Readonly<Record<string, unknown>>, field: string): number | undefined =>
  typeof data[field] === 'number' ? (data[field] as number) : undefined;
export const texts = (data: Readonly<Record<string, unknown>>, field: string): string[] =>
  Array.isArray(data[field])
    ? (data[field] as unknown[]).filter((v): v is string => typeof v === 'string')
    : [];
export const records = (
  data: Readonly<Record<string, unknown>>,
  field: string,
): Readonly<Record<string, unknown>>[] =>
  Array.isArray(data[field])
    ? (data[field] as unknown[]).filter(
        (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
      )
    : [];
