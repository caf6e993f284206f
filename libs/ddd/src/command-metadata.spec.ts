import { assertCommandMetadata, type CommandMetadata } from './command-metadata';
import { InvalidCommandMetadata } from './command.errors';

const valid: CommandMetadata = {
  commandId: '3f1c2e0a-5b7d-4c3e-9f1a-2b3c4d5e6f70',
  actor: { userId: 'officer-1', roles: ['officer'], institutionId: 'inst-9' },
  jurisdiction: '330106',
  now: '2025-03-01T08:30:00.123+08:00',
  correlationId: 'corr-1',
  causationId: 'evt-1',
};

/** The error `assertCommandMetadata` throws for `metadata`, or a failure when it throws none. */
function rejectionOf(metadata: unknown): InvalidCommandMetadata {
  try {
    assertCommandMetadata(metadata);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCommandMetadata);
    return error as InvalidCommandMetadata;
  }
  throw new Error(`accepted invalid metadata ${JSON.stringify(metadata)}`);
}

describe('assertCommandMetadata', () => {
  it('accepts complete metadata, and metadata without the optional fields', () => {
    expect(() => assertCommandMetadata(valid)).not.toThrow();
    const { causationId: _c, ...minimal } = valid;
    expect(() => assertCommandMetadata({ ...minimal, actor: { userId: 'u', roles: [] } })).not.toThrow();
    expect(() => assertCommandMetadata({ ...valid, now: '2024-02-29T23:59:59Z' })).not.toThrow();
    expect(() => assertCommandMetadata({ ...valid, requestDigest: 'a'.repeat(64) })).not.toThrow();
  });

  it.each([
    ['metadata', null],
    ['metadata', []],
    ['metadata.commandId', { ...valid, commandId: 'cmd-1' }],
    ['metadata.commandId', { ...valid, commandId: undefined }],
    ['metadata.actor', { ...valid, actor: 'officer-1' }],
    ['metadata.actor.userId', { ...valid, actor: { ...valid.actor, userId: ' ' } }],
    ['metadata.actor.roles', { ...valid, actor: { ...valid.actor, roles: 'officer' } }],
    ['metadata.actor.roles', { ...valid, actor: { ...valid.actor, roles: ['officer', ''] } }],
    ['metadata.actor.institutionId', { ...valid, actor: { ...valid.actor, institutionId: 42 } }],
    ['metadata.jurisdiction', { ...valid, jurisdiction: '33010' }],
    ['metadata.jurisdiction', { ...valid, jurisdiction: '33010a' }],
    ['metadata.now', { ...valid, now: '2025-03-01' }],
    ['metadata.now', { ...valid, now: '2025-03-01T08:30:00' }],
    ['metadata.now', { ...valid, now: '2024-02-30T00:00:00Z' }],
    ['metadata.now', { ...valid, now: '2025-03-01T24:00:00Z' }],
    ['metadata.now', { ...valid, now: 1740789000000 }],
    ['metadata.correlationId', { ...valid, correlationId: '' }],
    ['metadata.causationId', { ...valid, causationId: '' }],
    ['metadata.requestDigest', { ...valid, requestDigest: 'ABC' }],
    ['metadata.requestDigest', { ...valid, requestDigest: 'A'.repeat(64) }],
  ])('rejects a bad %s, naming it', (field, metadata) => {
    const error = rejectionOf(metadata);
    expect(error.code).toBe('COMMAND.INVALID_METADATA');
    expect(error.category).toBe('validation');
    expect(error.details.field).toBe(field);
    expect(error.messageEn).toContain(field);
    expect(error.messageZh).toContain(field);
  });

  it('says what was expected, in both languages', () => {
    const error = rejectionOf({ ...valid, jurisdiction: '33' });
    expect(error.details).toEqual({
      field: 'metadata.jurisdiction',
      expected: 'a 6-digit jurisdiction code',
    });
    expect(error.messageEn).toBe(
      'command metadata.jurisdiction is invalid: expected a 6-digit jurisdiction code',
    );
    expect(error.messageZh).toBe('命令的 metadata.jurisdiction 无效：应为6 位行政区划代码');
  });
});
