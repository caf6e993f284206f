import type { RecordedEvent, RecordedEventText } from '@jineng/event-store';
import { integrationEventProblem, integrationEventText, toIntegrationEvent } from './integration-event';

const recorded: RecordedEvent = {
  id: '7d6f6f5e-2f4c-4a43-9a53-2f3f8d1c9a10',
  streamId: 'worker-1',
  version: 3,
  type: 'WorkerRegistered.v1',
  data: { workerId: 'w-1' },
  metadata: { correlationId: 'c-1' },
  recordedAt: new Date('2026-11-22T01:02:03.004Z'),
  transactionId: 42n,
  position: 7n,
  hash: 'f'.repeat(64),
};

describe('integration events', () => {
  it('carry the stored event as it is, with its service, and no store internals', () => {
    const event = toIntegrationEvent('registry', recorded);
    expect(event).toEqual({
      id: recorded.id,
      type: 'WorkerRegistered.v1',
      service: 'registry',
      streamId: 'worker-1',
      streamVersion: 3,
      recordedAt: '2026-11-22T01:02:03.004Z',
      hash: 'f'.repeat(64),
      data: { workerId: 'w-1' },
      metadata: { correlationId: 'c-1' },
    });
    // JSON-safe: no bigint positions
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    expect(integrationEventProblem(event)).toBeUndefined();
  });

  it.each([
    ['not a JSON object', []],
    ['id is not a UUID', { ...toIntegrationEvent('registry', recorded), id: 'x' }],
    [
      'type is not <EventName>.v<N>',
      { ...toIntegrationEvent('registry', recorded), type: 'WorkerRegistered' },
    ],
    ['streamVersion is not >= 1', { ...toIntegrationEvent('registry', recorded), streamVersion: 0 }],
    ['data is not a JSON object', { ...toIntegrationEvent('registry', recorded), data: null }],
    ['recordedAt is not a time', { ...toIntegrationEvent('registry', recorded), recordedAt: 'yesterday' }],
  ])('names what is wrong with a message that is not one: %s', (reason, value) => {
    expect(integrationEventProblem(value)).toBe(reason);
  });

  it('as text from the stored text: the same JSON as the event built and serialised', () => {
    const data = {
      workerId: 'w-1',
      name: '张三 "quoted" \\ back',
      nested: { list: [1, 2.5, -3e-7, null, true] },
    };
    const metadata = {
      correlationId: 'c-1',
      actor: { userId: 'u-1', roles: ['officer'] },
      note: '\u2028 line',
    };
    const event = { ...recorded, streamId: 'class-"odd"-流', data, metadata };
    const stored: RecordedEventText = {
      ...recorded,
      streamId: event.streamId,
      dataText: JSON.stringify(data),
      metadataText: JSON.stringify(metadata),
      correlationId: 'c-1',
    };
    const text = integrationEventText('class-ops', stored);
    expect(text).toBe(JSON.stringify(toIntegrationEvent('class-ops', event)));
    expect(integrationEventProblem(JSON.parse(text))).toBeUndefined();
  });
});
