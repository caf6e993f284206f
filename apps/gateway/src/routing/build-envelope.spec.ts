import { commandIdForRequest } from '@jineng/ddd';
import type { Principal } from '@jineng/messaging';
import { GatewayError } from '../errors/gateway-error';
import { buildEnvelope, type EnvelopeInput } from './build-envelope';

const principal: Principal = { userId: 'u-1', roles: ['county_officer'], jurisdiction: '140802' };
const KEY = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
const SUBJECT = 'jineng.cmd.registry.RevealWorkerPersonalData';
const input = (extra: Partial<EnvelopeInput>): EnvelopeInput => ({
  principal,
  correlationId: 'corr-1',
  kind: 'command',
  subject: SUBJECT,
  idempotencyKey: undefined,
  now: new Date('2025-03-01T01:30:00.000Z'),
  ...extra,
});

describe('buildEnvelope', () => {
  it("derives the command id from the user, the command and Idempotency-Key, so the client's retry is the same command", () => {
    const envelope = buildEnvelope(input({ idempotencyKey: KEY }));
    expect(envelope).toEqual({
      principal,
      correlationId: 'corr-1',
      sentAt: '2025-03-01T01:30:00.000Z',
      commandId: commandIdForRequest({ userId: 'u-1', subject: SUBJECT, idempotencyKey: KEY.toLowerCase() }),
    });
    // the key itself is never the command id
    expect(envelope.commandId).not.toBe(KEY.toLowerCase());
    expect(buildEnvelope(input({ idempotencyKey: KEY.toLowerCase() })).commandId).toBe(envelope.commandId);
  });

  it('gives the same key of another user, or for another command, another command id', () => {
    const mine = buildEnvelope(input({ idempotencyKey: KEY })).commandId;
    const theirs = buildEnvelope(input({ idempotencyKey: KEY, principal: { ...principal, userId: 'u-2' } }));
    const other = buildEnvelope(
      input({ idempotencyKey: KEY, subject: 'jineng.cmd.registry.RegisterWorker' }),
    );
    expect(theirs.commandId).not.toBe(mine);
    expect(other.commandId).not.toBe(mine);
  });

  it('makes a new command id for each request without a key', () => {
    const a = buildEnvelope(input({})).commandId;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(buildEnvelope(input({})).commandId).not.toBe(a);
  });

  it('gives a query no command id, whatever the headers', () => {
    expect(buildEnvelope(input({ kind: 'query', idempotencyKey: 'anything' }))).toEqual({
      principal,
      correlationId: 'corr-1',
      sentAt: '2025-03-01T01:30:00.000Z',
    });
  });

  it.each([['not-a-uuid'], [''], [[KEY, KEY]]])(
    'refuses an Idempotency-Key that is not one UUID: %j',
    (key) => {
      let error: unknown;
      try {
        buildEnvelope(input({ idempotencyKey: key }));
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({
        status: 400,
        code: 'GATEWAY.INVALID_REQUEST',
        violations: [{ path: 'Idempotency-Key' }],
      });
    },
  );
});
