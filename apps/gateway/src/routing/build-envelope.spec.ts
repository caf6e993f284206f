import type { Principal } from '@jineng/messaging';
import { GatewayError } from '../errors/gateway-error';
import { buildEnvelope, type EnvelopeInput } from './build-envelope';

const principal: Principal = { userId: 'u-1', roles: ['county_officer'], jurisdiction: '140802' };
const KEY = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
const input = (extra: Partial<EnvelopeInput>): EnvelopeInput => ({
  principal,
  correlationId: 'corr-1',
  kind: 'command',
  idempotencyKey: undefined,
  now: new Date('2025-03-01T01:30:00.000Z'),
  newId: () => '00000000-0000-4000-8000-000000000001',
  ...extra,
});

describe('buildEnvelope', () => {
  it("takes a command id from Idempotency-Key, so the client's retry is the same command", () => {
    expect(buildEnvelope(input({ idempotencyKey: KEY }))).toEqual({
      principal,
      correlationId: 'corr-1',
      sentAt: '2025-03-01T01:30:00.000Z',
      commandId: KEY.toLowerCase(),
    });
  });

  it('generates a command id when the client sent none', () => {
    expect(buildEnvelope(input({})).commandId).toBe('00000000-0000-4000-8000-000000000001');
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
