// What lands on `jineng.dlq.<consumer>` after the last attempt: the original message, where it came
// from, how often it was tried and the error — enough for an operator to fix and replay it.
import { summarizeError } from '@jineng/event-store';
import type { JetStreamClient } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { DEAD_LETTER_STREAM, deadLetterSubject } from '../subjects';

export interface DeadLetter {
  readonly consumer: string;
  /** the subject the message was published on */
  readonly subject: string;
  readonly streamSequence: number;
  readonly deliveryCount: number;
  readonly failedAt: string;
  readonly error: { readonly name: string; readonly message: string; readonly code?: string };
  /** the integration event, or the raw text when it could not be read as one */
  readonly event?: unknown;
  readonly raw?: string;
}

export const DEAD_LETTER_HEADERS = {
  error: 'Jineng-Error',
  errorCode: 'Jineng-Error-Code',
  originalSubject: 'Jineng-Original-Subject',
  deliveryCount: 'Jineng-Delivery-Count',
} as const;

/** The error as a dead letter carries it: name, message and a stable code when it has one. */
export const describeError: (error: unknown) => DeadLetter['error'] = summarizeError;

export async function publishDeadLetter(js: JetStreamClient, letter: DeadLetter): Promise<void> {
  const h = headers();
  // header values are single lines
  h.set(DEAD_LETTER_HEADERS.error, letter.error.message.replace(/[\r\n]+/g, ' ').slice(0, 1024));
  if (letter.error.code) h.set(DEAD_LETTER_HEADERS.errorCode, letter.error.code);
  h.set(DEAD_LETTER_HEADERS.originalSubject, letter.subject);
  h.set(DEAD_LETTER_HEADERS.deliveryCount, String(letter.deliveryCount));
  await js.publish(deadLetterSubject(letter.consumer), JSON.stringify(letter), {
    // one dead letter per consumer and stream message, however often this is retried
    msgID: `${letter.consumer}:${letter.streamSequence}`,
    headers: h,
    expect: { streamName: DEAD_LETTER_STREAM },
  });
}
