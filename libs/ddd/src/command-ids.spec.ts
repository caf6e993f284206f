import { commandIdForEvent, commandIdForRequest } from './command-ids';

const KEY = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SUBJECT = 'jineng.cmd.registry.RevealWorkerPersonalData';

describe('commandIdForRequest', () => {
  it('is the same for the same user, subject and key', () => {
    const id = commandIdForRequest({ userId: 'u-1', subject: SUBJECT, idempotencyKey: KEY });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(commandIdForRequest({ userId: 'u-1', subject: SUBJECT, idempotencyKey: KEY })).toBe(id);
  });

  it('differs with another user, another command or another key: a key is its client’s own', () => {
    const id = commandIdForRequest({ userId: 'u-1', subject: SUBJECT, idempotencyKey: KEY });
    const others = [
      { userId: 'u-2', subject: SUBJECT, idempotencyKey: KEY },
      { userId: 'u-1', subject: 'jineng.cmd.registry.RegisterWorker', idempotencyKey: KEY },
      { userId: 'u-1', subject: SUBJECT, idempotencyKey: KEY.replace('3301', '3302') },
      // the parts cannot be shifted into each other
      { userId: 'u-1j', subject: SUBJECT.slice(1), idempotencyKey: KEY },
    ];
    for (const other of others) expect(commandIdForRequest(other)).not.toBe(id);
    // and the key itself is never the command id
    expect(id).not.toBe(KEY);
  });

  it('is a fresh id for each request without a key', () => {
    const a = commandIdForRequest({ userId: 'u-1', subject: SUBJECT });
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(commandIdForRequest({ userId: 'u-1', subject: SUBJECT })).not.toBe(a);
  });

  it('refuses empty parts', () => {
    expect(() => commandIdForRequest({ userId: '', subject: SUBJECT, idempotencyKey: KEY })).toThrow(
      /userId/,
    );
  });
});

describe('commandIdForEvent', () => {
  it('derives the same id from the same cause and command, another from another', () => {
    const id = commandIdForEvent('evt-1', 'DisqualifyInstitutionForYear');
    expect(commandIdForEvent('evt-1', 'DisqualifyInstitutionForYear')).toBe(id);
    expect(commandIdForEvent('evt-2', 'DisqualifyInstitutionForYear')).not.toBe(id);
    expect(commandIdForEvent('evt-1', 'SuspendInstitution')).not.toBe(id);
  });
});
