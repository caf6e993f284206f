// What an operator does with a dead letter (`npm run ops -- dead-letters list|replay`): read them from
// JINENG_DLQ, and ask the consumer to replay one. The request is a row in the consumer's schema
// (`parked_events`, reason `dead_letter`); the running consumer picks it up and handles the event
// through its inbox, so a dead letter replayed twice, or an event already handled, has no second effect.
import { ParkedEvents, type ParkedEvent, type Queryable } from '@jineng/event-store';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { integrationEventProblem, type IntegrationEvent } from '../integration-event';
import { DEAD_LETTER_STREAM, deadLetterSubject } from '../subjects';
import type { DeadLetter } from './dead-letter';

export interface StoredDeadLetter {
  /** its sequence in JINENG_DLQ: what `replay` names */
  readonly dlqSequence: number;
  readonly letter: DeadLetter;
}

/** The dead letters of one consumer, oldest first (at most `limit`). */
export async function readDeadLetters(
  nc: NatsConnection,
  consumer: string,
  limit = 1000,
): Promise<StoredDeadLetter[]> {
  const jsm = await jetstreamManager(nc);
  const letters: StoredDeadLetter[] = [];
  for (let seq = 1; letters.length < limit;) {
    // the server's MSG.GET takes next_by_subj (the client types it only for direct gets)
    const request = { seq, next_by_subj: deadLetterSubject(consumer) } as unknown as { seq: number };
    const msg = await jsm.streams.getMessage(DEAD_LETTER_STREAM, request);
    if (!msg) break;
    letters.push({ dlqSequence: msg.seq, letter: msg.json<DeadLetter>() });
    seq = msg.seq + 1;
  }
  return letters;
}

export class DeadLetterNotReplayableError extends Error {
  readonly code = 'MESSAGING.DEAD_LETTER_NOT_REPLAYABLE';
  constructor(reason: string) {
    super(`this dead letter cannot be replayed: ${reason}`);
    this.name = 'DeadLetterNotReplayableError';
  }
}

/**
 * Asks the consumer to handle a dead letter again. Answers the request row; asking again while it
 * is requested or after it was replayed changes nothing.
 */
export async function requestDeadLetterReplay(
  on: Queryable,
  schema: string,
  letter: DeadLetter,
): Promise<ParkedEvent> {
  const problem =
    letter.event === undefined
      ? 'it holds no event (unreadable message)'
      : integrationEventProblem(letter.event);
  if (problem) throw new DeadLetterNotReplayableError(problem);
  const event = letter.event as IntegrationEvent;
  const parking = new ParkedEvents(schema);
  const find = (statuses: ParkedEvent['status'][]) =>
    parking.list(on, { subscriber: letter.consumer, eventIds: [event.id], statuses });
  const [existing] = await find(['parked', 'replay_requested', 'replayed']);
  if (existing && existing.status !== 'parked') return existing;
  await parking.park(on, {
    subscriber: letter.consumer,
    source: event.service,
    eventId: event.id,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventType: event.type,
    event: letter,
    reason: 'dead_letter',
    status: 'parked',
    error: letter.error,
    attempts: existing?.attempts ?? 0,
  });
  const [row] = await find(['parked']);
  await parking.requestReplay(on, { parkedIds: [row.parkedId] });
  const [requested] = await find(['replay_requested']);
  return requested;
}
