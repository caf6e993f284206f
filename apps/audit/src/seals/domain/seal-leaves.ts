// What a daily seal covers: every event a service recorded in one Asia/Shanghai calendar day (by the
// time the owning service recorded it), one leaf per event — its stream, version, id and chain link.
// The link commits to the event's content and to every earlier event of its stream (event-chain.ts),
// so a leaf changes when the event or anything before it in the stream is rewritten.
// Leaves are ordered by stream id then version (code-unit order, as `localeCompare` is not stable
// across runtimes): anyone holding the service's events orders them the same way.
import { shanghaiDate } from '@jineng/kernel';
import { merkleRoot } from './merkle';

export interface SealedEventRef {
  readonly service: string;
  readonly streamId: string;
  readonly version: number;
  readonly eventId: string;
  /** the event's chain link (hex) */
  readonly hash: string;
  readonly recordedAtMillis: number;
}

export interface ServiceRoot {
  readonly service: string;
  readonly root: string;
  readonly eventCount: number;
}

/** The Asia/Shanghai calendar day an event belongs to. */
export const sealDayOf = (recordedAtMillis: number): string => shanghaiDate(new Date(recordedAtMillis));

/** [start, end) of a Shanghai calendar day, in epoch milliseconds. */
export function sealDayBounds(day: string): { startMs: number; endMs: number } {
  const startMs = Date.parse(`${day}T00:00:00+08:00`);
  if (Number.isNaN(startMs)) throw new TypeError(`'${day}' is not a day`);
  return { startMs, endMs: startMs + 24 * 3600_000 };
}

export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const leafOf = (ref: SealedEventRef): string =>
  `${ref.streamId}\n${ref.version}\n${ref.eventId}\n${ref.hash}`;

/** One service's events of one day → its root (the caller passes only that service's events of that day). */
export function serviceRootOf(service: string, refs: readonly SealedEventRef[]): ServiceRoot {
  const ordered = [...refs].sort((a, b) => byCodeUnits(a.streamId, b.streamId) || a.version - b.version);
  return { service, root: merkleRoot(ordered.map(leafOf)), eventCount: ordered.length };
}

/** Every service's root of one day's events, by service name. */
export function serviceRootsOf(refs: readonly SealedEventRef[]): ServiceRoot[] {
  const byService = new Map<string, SealedEventRef[]>();
  for (const ref of refs) {
    const list = byService.get(ref.service);
    if (list) list.push(ref);
    else byService.set(ref.service, [ref]);
  }
  return [...byService.keys()]
    .sort(byCodeUnits)
    .map((service) => serviceRootOf(service, byService.get(service)!));
}

/** The day's root: over the services' roots, in service name order. */
export const dayRootOf = (services: readonly ServiceRoot[]): string =>
  merkleRoot(services.map((s) => `${s.service}\n${s.eventCount}\n${s.root}`));
