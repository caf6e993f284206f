import { isDomainError } from '@jineng/ddd';
import type { Envelope } from '../envelope';
import { InvalidRpcPayload, InvalidRpcRequest } from './rpc-errors';
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

  it('accepts the anonymous principal a public route forwards, and no made-up role', () => {
    const anonymous = { userId: 'anonymous', roles: ['anonymous'], jurisdiction: '419001' } as const;
    expect(
      parseRpcRequest({ envelope: { ...envelope, principal: anonymous }, payload: {} }).envelope.principal,
    ).toEqual(anonymous);
    expect(
      errorOf({ envelope: { ...envelope, principal: { ...anonymous, roles: ['nobody'] } }, payload: {} })
        .details.field,
    ).toBe('envelope.principal.roles');
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

describe('parseRpcRequest with the payload contract', () => {
  it('accepts a payload that matches it', () => {
    const payload = {
      code: 'CLASS.FULL',
      category: 'illegal_state',
      message: '满',
      messageEn: 'full',
      details: {},
    };
    expect(
      parseRpcRequest({ envelope, payload }, { payloadContract: 'jineng.common.v1.DomainErrorReply' })
        .payload,
    ).toEqual(payload);
  });

  it('refuses one that does not, with every bad field in Chinese and English', () => {
    let error: InvalidRpcPayload | undefined;
    try {
      parseRpcRequest(
        { envelope, payload: { code: 'CLASS.FULL', category: 'lost', message: '满', details: {}, extra: 1 } },
        { payloadContract: 'jineng.common.v1.DomainErrorReply' },
      );
    } catch (e) {
      error = e as InvalidRpcPayload;
    }
    expect(error).toBeInstanceOf(InvalidRpcPayload);
    const json = error!.toJSON();
    expect(json).toMatchObject({ code: 'MESSAGING.INVALID_PAYLOAD', category: 'validation' });
    const paths = (json.details.violations as { path: string }[]).map((v) => v.path).sort();
    expect(paths).toEqual(['category', 'extra', 'messageEn']);
    expect(json.message).toContain('category');
    expect(json.messageEn).toContain('messageEn');
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
