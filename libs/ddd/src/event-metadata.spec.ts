import { jsonDigest } from './canonical-json';
import type { Command } from './decider';
import { eventMetadataOf } from './event-metadata';

const command: Command<'OpenClass', { classId: string }> = {
  type: 'OpenClass',
  data: { classId: 'c-1' },
  metadata: {
    commandId: '3f1c2e0a-5b7d-4c3e-9f1a-2b3c4d5e6f70',
    actor: { userId: 'inst-admin', roles: ['institution'] },
    jurisdiction: '330106',
    now: '2025-03-01T08:30:00+08:00',
    correlationId: 'corr-1',
  },
};

describe('eventMetadataOf', () => {
  it('carries who, where, when and why from the command; causation defaults to the command', () => {
    expect(eventMetadataOf(command)).toStrictEqual({
      commandId: '3f1c2e0a-5b7d-4c3e-9f1a-2b3c4d5e6f70',
      commandType: 'OpenClass',
      requestDigest: jsonDigest({ classId: 'c-1' }),
      correlationId: 'corr-1',
      causationId: '3f1c2e0a-5b7d-4c3e-9f1a-2b3c4d5e6f70',
      actor: { userId: 'inst-admin', roles: ['institution'] },
      jurisdiction: '330106',
      occurredAt: '2025-03-01T08:30:00+08:00',
    });
  });

  it('keeps an explicit causation and the actor institution', () => {
    const metadata = eventMetadataOf({
      ...command,
      metadata: {
        ...command.metadata,
        causationId: 'evt-9',
        actor: { ...command.metadata.actor, institutionId: 'i-1' },
      },
    });
    expect(metadata.causationId).toBe('evt-9');
    expect(metadata.actor.institutionId).toBe('i-1');
  });

  it("takes the request's digest when the command came with one", () => {
    const digest = 'a'.repeat(64);
    const metadata = eventMetadataOf({
      ...command,
      metadata: { ...command.metadata, requestDigest: digest },
    });
    expect(metadata.requestDigest).toBe(digest);
  });

  it('adds extra keys but refuses to let them replace a standard one', () => {
    expect(eventMetadataOf(command, { schemaVersion: 2 }).schemaVersion).toBe(2);
    expect(() => eventMetadataOf(command, { commandId: 'other' })).toThrow(
      /'commandId' is set from the command/,
    );
    expect(() => eventMetadataOf(command, { occurredAt: 'now' })).toThrow(/'occurredAt'/);
    expect(() => eventMetadataOf(command, { requestDigest: 'x' })).toThrow(/'requestDigest'/);
  });
});
