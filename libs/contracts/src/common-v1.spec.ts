// The JSON shapes other libs produce validate as the common contracts, and their types agree: these
// contracts mirror libs/messaging (Envelope, IntegrationEvent) and libs/ddd (DomainErrorJson,
// EventMetadata), so a drift on either side fails here.
import {
  CommandConcurrencyConflict,
  defineDomainError,
  domainErrorFromJson,
  eventMetadataOf,
  InvalidCommandMetadata,
  type Command,
  type DomainErrorJson,
  type EventMetadata,
} from '@jineng/ddd';
import type { RecordedEvent } from '@jineng/event-store';
import { ANONYMOUS_ROLE, ROLES, toIntegrationEvent, type Envelope, type Principal } from '@jineng/messaging';
import { jsonSchemaOf } from './contract-registry';
import type { commonV1 } from './generated';
import { validateContract } from './validate-contract';

/** What crossing NATS does to a value: JSON text and back. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const INSTITUTION = '3b0c7f2e-8d41-4a6b-9c2d-5e7f8a9b0c1d';

const principal: Principal = {
  userId: 'inst-admin-1',
  roles: ['institution'],
  jurisdiction: '410102',
  institutionId: INSTITUTION,
};
const envelope: Envelope = {
  principal,
  correlationId: 'f2b5c8d1-0a3e-4b6c-8d9e-1f2a3b4c5d6e',
  commandId: '7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f00',
  sentAt: new Date('2025-03-01T01:30:00Z').toISOString(),
};

class TooManyTrainees extends defineDomainError<{ max: number; actual: number }>({
  code: 'CLASS.TOO_MANY_TRAINEES',
  category: 'illegal_state',
  zh: (d) => `学员人数 ${d.actual} 超过上限 ${d.max}`,
  en: (d) => `${d.actual} trainees exceed the maximum of ${d.max}`,
}) {}

describe('jineng.common.v1 mirrors the libs', () => {
  it('Principal allows exactly the ROLES of libs/messaging and the anonymous role', () => {
    const roles = jsonSchemaOf('jineng.common.v1.Principal').properties?.roles?.items?.enum;
    expect(roles).toEqual([...ROLES, ANONYMOUS_ROLE]);
  });

  it('an Envelope as libs/messaging builds it validates, and the types agree both ways', () => {
    const result = validateContract('jineng.common.v1.Envelope', overTheWire(envelope));
    expect(result).toEqual({ ok: true, value: envelope });
    const asContract: commonV1.Envelope = envelope;
    const back: Envelope = asContract;
    expect(back).toBe(envelope);
  });

  it('an Envelope with every role, and without the optional ids, validates', () => {
    const minimal: Envelope = {
      principal: { userId: 'admin', roles: [...ROLES], jurisdiction: '410000' },
      correlationId: 'req-1',
      sentAt: '2025-03-01T09:30:00+08:00',
    };
    expect(validateContract('jineng.common.v1.Envelope', minimal).ok).toBe(true);
  });

  it('a DomainErrorJson of libs/ddd validates as DomainErrorReply and comes back as the same error', () => {
    const errors = [
      new TooManyTrainees({ max: 50, actual: 53 }),
      new InvalidCommandMetadata({ field: 'metadata.commandId', expected: 'a UUID' }),
      new CommandConcurrencyConflict({ streamId: 'class-1', attempts: 6 }),
    ];
    for (const error of errors) {
      const json: DomainErrorJson = error.toJSON();
      const reply: commonV1.DomainErrorReply = json;
      const result = validateContract('jineng.common.v1.DomainErrorReply', overTheWire(reply));
      expect(result).toEqual({ ok: true, value: json });
      if (!result.ok) continue;
      const received = domainErrorFromJson(result.value);
      expect(received.toJSON()).toEqual(json);
    }
  });

  it('an IntegrationEvent as the outbox relay publishes it validates, metadata from libs/ddd included', () => {
    const command: Command = {
      type: 'EnrolTrainee',
      data: {},
      metadata: {
        commandId: envelope.commandId!,
        actor: { userId: principal.userId, roles: [...principal.roles], institutionId: INSTITUTION },
        jurisdiction: '410102',
        now: '2025-03-01T09:30:00+08:00',
        correlationId: envelope.correlationId,
      },
    };
    // extra keys are part of EventMetadata by design
    const metadata: EventMetadata = eventMetadataOf(command, { schemaHint: 'x', replayOf: null });
    const metadataAsContract: commonV1.EventMetadata = metadata;
    const recorded: RecordedEvent = {
      id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      streamId: 'class-9',
      version: 3,
      type: 'TraineeEnrolled.v1',
      data: { traineeId: 'w-1', seats: 12 },
      metadata: metadataAsContract as RecordedEvent['metadata'],
      recordedAt: new Date('2025-03-01T01:30:00.123Z'),
      transactionId: 1n,
      position: 7n,
      hash: 'ab'.repeat(32),
    };
    const event = toIntegrationEvent('class-ops', recorded);
    expect(validateContract('jineng.common.v1.IntegrationEvent', overTheWire(event))).toEqual({
      ok: true,
      value: event,
    });
  });

  it('an IntegrationEvent with broken metadata names the nested fields', () => {
    const event = {
      id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      type: 'TraineeEnrolled', // no version
      service: 'class-ops',
      streamId: 'class-9',
      streamVersion: 0,
      recordedAt: '2025-03-01T01:30:00.123Z',
      hash: 'ab'.repeat(32),
      data: {},
      metadata: {
        commandId: '7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f00',
        correlationId: 'c',
        causationId: 'c',
        actor: { userId: 'u', roles: ['institution', ''] },
        jurisdiction: '410102',
      },
    };
    const result = validateContract('jineng.common.v1.IntegrationEvent', event);
    expect(result.ok ? [] : result.violations.map((v) => `${v.path}: ${v.reasonEn}`)).toEqual([
      'type: must match ^[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*$',
      'streamVersion: must be at least 1',
      'metadata.occurredAt: is required',
      'metadata.actor.roles[1]: must not be empty',
    ]);
  });
});
