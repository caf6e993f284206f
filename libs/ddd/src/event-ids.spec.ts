import { deriveEventId, uuidV5 } from './event-ids';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const commandId = '7d444840-9dc0-11d1-b245-5ffdce74fad2';

describe('deriveEventId', () => {
  it('is deterministic: the same command and index give the same id', () => {
    expect(deriveEventId(commandId, 0)).toBe(deriveEventId(commandId, 0));
    expect(deriveEventId(commandId, 3)).toBe(deriveEventId(commandId, 3));
  });

  it('differs per index and per command', () => {
    const ids = new Set([0, 1, 2, 10, 11].map((i) => deriveEventId(commandId, i)));
    expect(ids.size).toBe(5);
    expect(deriveEventId('7d444840-9dc0-11d1-b245-5ffdce74fad3', 0)).not.toBe(deriveEventId(commandId, 0));
    // "1:1" vs "11:" style ambiguities cannot collide: the index is the last segment after ':'
    expect(deriveEventId('a:1', 1)).not.toBe(deriveEventId('a', 11));
  });

  it('produces RFC version-5 UUIDs', () => {
    for (let i = 0; i < 20; i++) expect(deriveEventId(commandId, i)).toMatch(UUID_V5);
  });

  it('is stable across releases (a changed namespace would break idempotency of stored commands)', () => {
    expect(deriveEventId(commandId, 0)).toBe('13c81baf-9f85-538a-ad6a-f227516b80a0');
  });

  it('refuses a missing command id and bad indexes', () => {
    expect(() => deriveEventId('', 0)).toThrow(TypeError);
    expect(() => deriveEventId(commandId, -1)).toThrow(/index must be an integer >= 0/);
    expect(() => deriveEventId(commandId, 1.5)).toThrow(/index must be an integer >= 0/);
  });
});

describe('uuidV5', () => {
  it('matches the well-known vector (DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(/namespace is not a UUID/);
  });
});
