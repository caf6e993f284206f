import { assertSameCommand, factsOfEvent, type CommandFacts } from './command-identity';
import { CommandIdReused } from './command.errors';

const ID = '3f1c2e0a-5b7d-4c3e-9f1a-2b3c4d5e6f70';
const first: CommandFacts = {
  streamId: 'worker-a',
  commandType: 'RevealWorkerPersonalData',
  actorId: 'officer-1',
  requestDigest: 'a'.repeat(64),
};

function refusal(again: CommandFacts, recorded: CommandFacts = first): CommandIdReused {
  try {
    assertSameCommand(ID, recorded, again);
  } catch (error) {
    expect(error).toBeInstanceOf(CommandIdReused);
    return error as CommandIdReused;
  }
  throw new Error('expected COMMAND.ID_REUSED');
}

describe('assertSameCommand', () => {
  it('accepts the same facts', () => {
    expect(() => assertSameCommand(ID, first, { ...first })).not.toThrow();
  });

  it.each([
    ['stream', { streamId: 'worker-b' }],
    ['command', { commandType: 'RegisterWorker' }],
    ['actor', { actorId: 'officer-2' }],
    ['request', { requestDigest: 'b'.repeat(64) }],
  ])('refuses another %s with COMMAND.ID_REUSED (409), in Chinese and English', (fact, change) => {
    const error = refusal({ ...first, ...change });
    expect(error.code).toBe('COMMAND.ID_REUSED');
    expect(error.category).toBe('illegal_state');
    expect(error.details).toEqual({ commandId: ID, differs: [fact] });
    expect(error.messageEn).toContain(fact);
    expect(error.messageZh).toContain('幂等键');
  });

  it('names every fact that differs', () => {
    expect(
      refusal({ ...first, streamId: 'worker-b', requestDigest: 'c'.repeat(64) }).details.differs,
    ).toEqual(['stream', 'request']);
  });

  it('compares only what a record made before command identity carries (stream and actor)', () => {
    const old: CommandFacts = { streamId: 'worker-a', actorId: 'officer-1' };
    expect(() => assertSameCommand(ID, old, first)).not.toThrow();
    expect(refusal({ ...first, streamId: 'worker-b' }, old).details.differs).toEqual(['stream']);
  });
});

describe('factsOfEvent', () => {
  it("reads the facts from the event's stream and metadata", () => {
    expect(
      factsOfEvent({
        streamId: 'worker-a',
        metadata: {
          commandId: ID,
          commandType: 'RevealWorkerPersonalData',
          requestDigest: 'a'.repeat(64),
          actor: { userId: 'officer-1', roles: ['county_officer'] },
        },
      }),
    ).toEqual(first);
  });
});
