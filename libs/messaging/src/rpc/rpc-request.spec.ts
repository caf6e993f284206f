import { isDomainError } from '@jineng/ddd';
import type { Envelope } from '../envelope';
import { InvalidRpcRequest } from './rpc-errors';
import { commandMetadataOf, parseRpcRequest } from './rpc-request';

const envelope: Envelope = {
  principal: {
    userId: 'inst-user-1',
    roles: ['institution'],
    jurisdiction: '140802',
    institutionId: '0b9c7f2e-5d0a-4f5e-9f6e-1c2d3e4f5a6b',
  },
  correlationId: 'corr-1',
  commandId: '3f0e2b9a-8c1d-4e5f-a6b7-c8d9e0f1a2b3',
  sentAt: '2026-11-22T08:00:00+08:00',
};

function errorOf(data: unknown): InvalidRpcRequest {
  try {
    parseRpcRequest(data);
  } catch (error) {
    expect(isDomainError(error)).toBe(true);
    return error as InvalidRpcRequest;
  }
  throw new Error('expected a refusal');
}

describe('parseRpcRequest', () => {
  it('accepts a well-formed request', () => {
    expect(parseRpcRequest({ envelope, payload: { a: 1 } })).toEqual({ envelope, payload: { a: 1 } });
  });

  it.each([
    ['request', 'nope'],
    ['envelope', { payload: {} }],
    [
      'envelope.principal.userId',
      { envelope: { ...envelope, principal: { ...envelope.principal, userId: ' ' } }, payload: {} },
    ],
    [
      'envelope.principal.roles',
      { envelope: { ...envelope, principal: { ...envelope.principal, roles: [] } }, payload: {} },
    ],
    [
      'envelope.principal.jurisdiction',
      { envelope: { ...envelope, principal: { ...envelope.principal, jurisdiction: '14' } }, payload: {} },
    ],
    [
      'envelope.principal.institutionId',
      { envelope: { ...envelope, principal: { ...envelope.principal, institutionId: 'abc' } }, payload: {} },
    ],
    ['envelope.commandId', { envelope: { ...envelope, commandId: 'not-a-uuid' }, payload: {} }],
    ['envelope.sentAt', { envelope: { ...envelope, sentAt: 'soon' }, payload: {} }],
    ['payload', { envelope }],
  ])('names the bad field %s (validation, zh and en)', (field, data) => {
    const error = errorOf(data);
    expect(error.toJSON()).toMatchObject({
      code: 'MESSAGING.INVALID_REQUEST',
      category: 'validation',
      details: { field },
    });
    expect(error.messageZh).toContain(field);
    expect(error.messageEn).toContain(field);
  });
});

describe('commandMetadataOf', () => {
  it('makes the principal the actor, in its jurisdiction, at the given time', () => {
    expect(commandMetadataOf(envelope, new Date('2026-11-22T00:00:00Z'))).toEqual({
      commandId: envelope.commandId,
      actor: {
        userId: 'inst-user-1',
        roles: ['institution'],
        institutionId: envelope.principal.institutionId,
      },
      jurisdiction: '140802',
      now: '2026-11-22T00:00:00.000Z',
      correlationId: 'corr-1',
    });
  });

  it('takes the jurisdiction the command acts in when given, and needs a command id', () => {
    expect(commandMetadataOf(envelope, new Date(), '140821').jurisdiction).toBe('140821');
    const { commandId: _omitted, ...query } = envelope;
    expect(() => commandMetadataOf(query, new Date())).toThrow(InvalidRpcRequest);
  });
});
