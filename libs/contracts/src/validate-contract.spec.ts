import Ajv from 'ajv';
import type { Contract, JsonSchema } from './contract';
import type { commonV1 } from './generated';
import {
  ContractValidator,
  validateContract,
  validateJson,
  type ContractValidation,
} from './validate-contract';

const ENVELOPE = 'jineng.common.v1.Envelope';

const principal = (): commonV1.Principal => ({
  userId: 'officer-7',
  roles: ['county_officer'],
  jurisdiction: '410102',
});
const envelope = (): commonV1.Envelope => ({
  principal: principal(),
  correlationId: 'req-1',
  commandId: '7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f00',
  sentAt: '2025-03-01T09:30:00+08:00',
});

function violationsOf<T>(result: ContractValidation<T>) {
  if (result.ok) throw new Error('expected violations');
  return result.violations;
}

describe('validateContract', () => {
  it('accepts a valid message and hands it back typed', () => {
    const value: unknown = envelope();
    const result = validateContract(ENVELOPE, value);
    expect(result).toEqual({ ok: true, value: envelope() });
    // a literal type name gives the generated type
    if (result.ok)
      expect(result.value.principal.roles satisfies readonly string[]).toEqual(['county_officer']);
  });

  it('takes an explicit type for a type name that is only known at run time', () => {
    const name: string = ENVELOPE;
    const result = validateContract<commonV1.Envelope>(name, envelope());
    expect(result.ok && result.value.correlationId).toBe('req-1');
  });

  it('reports a missing required field by its path: 必填 / is required', () => {
    const { sentAt: _, ...rest } = envelope();
    expect(violationsOf(validateContract(ENVELOPE, rest))).toEqual([
      { path: 'sentAt', reason: '必填', reasonEn: 'is required' },
    ]);
  });

  it('rejects unknown fields, at any depth, by their path', () => {
    const value = { ...envelope(), tenant: 'x', principal: { ...principal(), name: '张三' } };
    expect(violationsOf(validateContract(ENVELOPE, value))).toEqual([
      {
        path: 'tenant',
        reason: '未知字段：本消息没有这个字段',
        reasonEn: 'is an unknown field: this message has no such field',
      },
      {
        path: 'principal.name',
        reason: '未知字段：本消息没有这个字段',
        reasonEn: 'is an unknown field: this message has no such field',
      },
    ]);
  });

  it('reports every bad field, not only the first, with nested and indexed paths', () => {
    const value = {
      principal: { userId: '', roles: ['county_officer', 'mayor'], jurisdiction: '990100' },
      correlationId: 42,
      commandId: 'not-a-uuid',
      sentAt: '2025-03-01 09:30',
    };
    const violations = violationsOf(validateContract(ENVELOPE, value));
    expect(violations.map((v) => v.path).sort()).toEqual(
      [
        'commandId',
        'correlationId',
        'principal.jurisdiction',
        'principal.roles[1]',
        'principal.userId',
        'sentAt',
      ].sort(),
    );
    const byPath = Object.fromEntries(violations.map((v) => [v.path, v]));
    expect(byPath['principal.userId']).toMatchObject({ reason: '不能为空', reasonEn: 'must not be empty' });
    expect(byPath['principal.roles[1]'].reasonEn).toBe(
      'must be one of: worker, institution, enterprise, county_officer, city_approver, finance_officer, auditor, admin, anonymous',
    );
    expect(byPath['principal.roles[1]'].reason).toMatch(/^应为以下之一：worker、institution、/);
    expect(byPath['principal.jurisdiction'].reasonEn).toContain(
      'the first two digits are not a province code',
    );
    expect(byPath.correlationId).toMatchObject({ reason: '应为字符串', reasonEn: 'must be a string' });
    expect(byPath.commandId.reasonEn).toContain('must be a UUID');
    expect(byPath.sentAt.reasonEn).toContain('ISO 8601 date and time with an offset');
  });

  it('gives one violation per field even when several rules fail', () => {
    const value = { ...envelope(), correlationId: '' };
    expect(violationsOf(validateContract(ENVELOPE, value))).toHaveLength(1);
  });

  it('checks patterns and maximum lengths', () => {
    const error = { code: 'not a code', category: 'validation', message: '', messageEn: '', details: {} };
    expect(violationsOf(validateContract('jineng.common.v1.DomainErrorReply', error))).toEqual([
      {
        path: 'code',
        reason: '格式不正确：应匹配 ^[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)+$',
        reasonEn: 'must match ^[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)+$',
      },
    ]);
    const long = { ...principal(), userId: 'u'.repeat(256) };
    expect(violationsOf(validateContract('jineng.common.v1.Principal', long))).toEqual([
      { path: 'userId', reason: '应不超过 255 个字符', reasonEn: 'must be at most 255 characters long' },
    ]);
  });

  it('refuses null for an absent field: absent fields are left out', () => {
    expect(violationsOf(validateContract(ENVELOPE, { ...envelope(), commandId: null }))).toEqual([
      { path: 'commandId', reason: '应为字符串', reasonEn: 'must be a string' },
    ]);
  });

  it('reports a root that is not an object at the empty path', () => {
    expect(violationsOf(validateContract(ENVELOPE, 'hello'))).toEqual([
      { path: '', reason: '应为对象', reasonEn: 'must be an object' },
    ]);
    expect(violationsOf(validateContract(ENVELOPE, null))[0].path).toBe('');
  });

  it('throws a TypeError for an unknown type name: a programming error, not bad input', () => {
    expect(() => validateContract('jineng.common.v1.Nope', {})).toThrow(TypeError);
    expect(() => validateContract('jineng.common.v1.Nope', {})).toThrow(
      /unknown contract 'jineng.common.v1.Nope'/,
    );
  });

  it('compiles a contract on its first use, not before', () => {
    const broken: Contract = {
      typeName: 'jineng.test.v1.Broken',
      kind: 'type',
      source: 'proto/jineng/test/v1/broken.proto',
      schema: { $id: 'jineng.test.v1.Broken', type: 'string', format: 'no-such-format' },
    };
    const validator = new ContractValidator([broken]);
    expect(() => validator.validate('jineng.test.v1.Broken', 'x')).toThrow(/unknown format "no-such-format"/);
  });

  it('compiles each schema given directly once', () => {
    const compile = jest.spyOn(Ajv.prototype, 'compile');
    try {
      const schema: JsonSchema = { type: 'integer', minimum: 1 };
      validateJson(schema, 1);
      validateJson(schema, 2);
      validateJson(schema, 0);
      expect(compile).toHaveBeenCalledTimes(1);
    } finally {
      compile.mockRestore();
    }
  });
});

describe('validateJson', () => {
  const pathParams: JsonSchema = {
    type: 'object',
    properties: {
      classId: { type: 'string', format: 'uuid' },
      ratio: { type: 'number', minimum: 0, maximum: 1 },
      day: { type: 'string', format: 'date' },
    },
    required: ['classId'],
    additionalProperties: false,
  };

  it('checks a schema given directly, with the same formats and reasons', () => {
    expect(validateJson(pathParams, { classId: '7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f00', ratio: 0.5 })).toEqual(
      {
        ok: true,
        value: { classId: '7d0f3c8e-5b1a-4c2e-9f3d-2a6b8c4e1f00', ratio: 0.5 },
      },
    );
    expect(violationsOf(validateJson(pathParams, { ratio: 1.5, day: '2025-02-30', page: 2 }))).toEqual([
      { path: 'classId', reason: '必填', reasonEn: 'is required' },
      {
        path: 'page',
        reason: '未知字段：本消息没有这个字段',
        reasonEn: 'is an unknown field: this message has no such field',
      },
      { path: 'ratio', reason: '应不大于 1', reasonEn: 'must be at most 1' },
      {
        path: 'day',
        reason: '应为 YYYY-MM-DD 格式的真实日期',
        reasonEn: 'must be a real calendar date as YYYY-MM-DD',
      },
    ]);
  });

  it('resolves $refs to the contracts by type name', () => {
    const body: JsonSchema = {
      type: 'object',
      properties: { envelope: { $ref: ENVELOPE }, payload: { type: 'object' } },
      required: ['envelope', 'payload'],
      additionalProperties: false,
    };
    expect(validateJson(body, { envelope: envelope(), payload: {} }).ok).toBe(true);
    const bad = { envelope: { ...envelope(), principal: { ...principal(), roles: 'admin' } }, payload: {} };
    expect(violationsOf(validateJson(body, bad))).toEqual([
      { path: 'envelope.principal.roles', reason: '应为数组', reasonEn: 'must be an array' },
    ]);
  });

  it('writes keys that are not identifiers in brackets', () => {
    const schema: JsonSchema = { type: 'object', additionalProperties: { type: 'integer' } };
    expect(violationsOf(validateJson(schema, { 'a.b': 'x', '0': 'y', ok: 1 }))).toEqual([
      { path: '["0"]', reason: '应为整数', reasonEn: 'must be an integer' },
      { path: '["a.b"]', reason: '应为整数', reasonEn: 'must be an integer' },
    ]);
  });
});
