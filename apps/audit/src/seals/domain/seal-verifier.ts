// The seal verifier: given only the published seals (and the audit service's public keys) and,
// optionally, one service's events as that service holds them, says whether the seals are genuine and
// unbroken, and whether the events are the ones that were sealed. Pure.
//
// Each event's chain link is recomputed from its content from the stream's start (event-chain.ts):
// an event rewritten with its stored hash left alone breaks its stream's chain; one rewritten with
// every following link recomputed — head row included, so the in-database chain holds — gives other
// links than the sealed ones, so the day's root differs from the signed root. Either is reported per
// Asia/Shanghai day.
import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH, chainLink, contentDigest } from '@jineng/event-store';
import type { AuditChainRow } from '../../verification/domain/audit-chain';
import { FIRST_PREVIOUS_SEAL_HASH, sealHashOf, signatureHolds, type DailySeal } from './daily-seal';
import { EMPTY_ROOT } from './merkle';
import { dayRootOf, nextDay, sealDayOf, serviceRootOf, type SealedEventRef } from './seal-leaves';

export type SealProblemKind =
  | 'signature_invalid'
  | 'unknown_key'
  | 'seal_hash_mismatch'
  | 'root_mismatch'
  | 'chain_broken'
  | 'stream_chain_broken'
  | 'events_differ';

export interface SealProblem {
  readonly day: string;
  readonly kind: SealProblemKind;
  readonly detail: string;
  /** whose events: for stream_chain_broken and events_differ */
  readonly service?: string;
}

export interface SealVerificationReport {
  readonly ok: boolean;
  readonly seals: number;
  readonly firstDay?: string;
  readonly lastDay?: string;
  /** the service whose events were checked, if any */
  readonly service?: string;
  readonly eventsChecked: number;
  /** recorded after the last seal's day (or before the first): not covered by any seal yet */
  readonly eventsNotSealed: number;
  readonly problems: SealProblem[];
}

/** The seals on their own: each signed by a known key, each body giving its hash and its root, each chained to the one before. */
export function verifySealChain(
  seals: readonly DailySeal[],
  publicKeys: ReadonlyMap<string, KeyObject>,
): SealProblem[] {
  const problems: SealProblem[] = [];
  const ordered = [...seals].sort((a, b) => a.sequence - b.sequence);
  ordered.forEach((seal, i) => {
    const problem = (kind: SealProblemKind, detail: string) => problems.push({ day: seal.day, kind, detail });
    const key = publicKeys.get(seal.keyId);
    if (!key)
      problem('unknown_key', `seal ${seal.sequence} is signed by key '${seal.keyId}', not a published key`);
    else if (!signatureHolds(seal, key))
      problem(
        'signature_invalid',
        `seal ${seal.sequence}: the signature does not verify with key '${seal.keyId}'`,
      );
    const hash = sealHashOf(seal);
    if (hash !== seal.sealHash)
      problem(
        'seal_hash_mismatch',
        `seal ${seal.sequence}: its content gives ${hash}, it states ${seal.sealHash}`,
      );
    const root = dayRootOf(seal.services);
    const count = seal.services.reduce((sum, s) => sum + s.eventCount, 0);
    if (root !== seal.root || count !== seal.eventCount)
      problem(
        'root_mismatch',
        `seal ${seal.sequence}: its services give root ${root} of ${count} events, it states ${seal.root} of ${seal.eventCount}`,
      );
    const previous = ordered[i - 1];
    const expectedPrevious = previous ? previous.sealHash : FIRST_PREVIOUS_SEAL_HASH;
    const expectedSequence = previous ? previous.sequence + 1 : 1;
    if (seal.previousSealHash !== expectedPrevious || seal.sequence !== expectedSequence)
      problem(
        'chain_broken',
        `seal ${seal.sequence} names previous ${seal.previousSealHash}, expected ${expectedPrevious} (sequence ${expectedSequence})`,
      );
    if (previous && seal.day !== nextDay(previous.day))
      problem(
        'chain_broken',
        `seal ${seal.sequence} is for ${seal.day}, the day after ${previous.day} is ${nextDay(previous.day)}`,
      );
  });
  return problems;
}

/**
 * The seals, and one service's events against them. `events` are every event of the service (all its
 * streams from version 1: a link depends on all before it), in any order.
 */
export function verifyAgainstSeals(input: {
  readonly seals: readonly DailySeal[];
  readonly publicKeys: ReadonlyMap<string, KeyObject>;
  readonly service?: string;
  readonly events?: readonly AuditChainRow[];
}): SealVerificationReport {
  const seals = [...input.seals].sort((a, b) => a.sequence - b.sequence);
  const problems = verifySealChain(seals, input.publicKeys);
  let eventsNotSealed = 0;
  const service = input.service;
  if (service !== undefined && input.events) {
    const { refs, broken } = recomputedRefs(service, input.events);
    problems.push(...broken);
    const byDay = new Map<string, SealedEventRef[]>();
    for (const ref of refs) {
      const day = sealDayOf(ref.recordedAtMillis);
      const list = byDay.get(day);
      if (list) list.push(ref);
      else byDay.set(day, [ref]);
    }
    const sealedDays = new Set(seals.map((s) => s.day));
    for (const [day, list] of byDay) if (!sealedDays.has(day)) eventsNotSealed += list.length;
    for (const seal of seals) {
      const mine = serviceRootOf(service, byDay.get(seal.day) ?? []);
      const sealed = seal.services.find((s) => s.service === service) ?? {
        service,
        root: EMPTY_ROOT,
        eventCount: 0,
      };
      if (mine.root !== sealed.root || mine.eventCount !== sealed.eventCount)
        problems.push({
          day: seal.day,
          kind: 'events_differ',
          service,
          detail: `${service}'s events of ${seal.day} give root ${mine.root} of ${mine.eventCount} events; the seal signed ${sealed.root} of ${sealed.eventCount}`,
        });
    }
  }
  return {
    ok: problems.length === 0,
    seals: seals.length,
    ...(seals.length > 0 ? { firstDay: seals[0].day, lastDay: seals[seals.length - 1].day } : {}),
    ...(service !== undefined ? { service } : {}),
    eventsChecked: input.events?.length ?? 0,
    eventsNotSealed,
    problems,
  };
}

/** Every event's link recomputed from its content, stream by stream; a stored hash that differs breaks the stream. */
function recomputedRefs(
  service: string,
  events: readonly AuditChainRow[],
): { refs: SealedEventRef[]; broken: SealProblem[] } {
  const ordered = [...events].sort((a, b) =>
    a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.version - b.version,
  );
  const refs: SealedEventRef[] = [];
  const broken: SealProblem[] = [];
  let stream = '';
  let previous = GENESIS_HASH;
  let expected = 1;
  let reported = false;
  for (const event of ordered) {
    if (event.streamId !== stream) {
      stream = event.streamId;
      previous = GENESIS_HASH;
      expected = 1;
      reported = false;
    }
    const link = chainLink(
      previous,
      event.streamId,
      event.version,
      event.recordedAtMillis,
      contentDigest({
        id: event.eventId,
        type: event.type,
        dataText: event.dataText,
        metadataText: event.metadataText,
      }),
    );
    if (!reported && (event.version !== expected || link !== event.hash)) {
      reported = true;
      broken.push({
        day: sealDayOf(event.recordedAtMillis),
        kind: 'stream_chain_broken',
        service,
        detail:
          event.version !== expected
            ? `${event.streamId}: expected version ${expected}, found ${event.version}`
            : `${event.streamId} v${event.version} (event ${event.eventId}): its content and predecessor give ${link}, the store holds ${event.hash}`,
      });
    }
    refs.push({
      service,
      streamId: event.streamId,
      version: event.version,
      eventId: event.eventId,
      hash: link,
      recordedAtMillis: event.recordedAtMillis,
    });
    previous = link;
    expected = event.version + 1;
  }
  return { refs, broken };
}
