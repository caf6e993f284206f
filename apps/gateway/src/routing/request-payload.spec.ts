import type { JsonSchema } from '@jineng/contracts';
import { assemblePayload } from './request-payload';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    classId: { type: 'string' },
    page: { type: 'integer' },
    ratio: { type: 'number' },
    open: { type: 'boolean' },
    levels: { type: 'array', items: { type: 'integer' } },
    name: { type: 'string' },
  },
};

const assemble = (params: Record<string, string>, query: string, body?: unknown) =>
  assemblePayload({ params, query: new URLSearchParams(query), body }, schema);

describe('assemblePayload', () => {
  it('merges path parameters, query parameters and body fields, decoding the path', () => {
    expect(assemble({ classId: 'c%2F1' }, 'name=%E7%8F%AD', { open: true })).toEqual({
      ok: true,
      payload: { open: true, name: '班', classId: 'c/1' },
      sources: { path: { classId: 'c/1' }, query: { name: '班' }, body: { open: true } },
    });
  });

  it('converts text where the contract says integer, number, boolean or array', () => {
    const result = assemble({}, 'page=2&ratio=0.5&open=false&levels=3&levels=4&name=007');
    expect(result).toMatchObject({
      ok: true,
      payload: { page: 2, ratio: 0.5, open: false, levels: [3, 4], name: '007' },
    });
  });

  it('leaves text that is not what the contract expects for the contract to reject', () => {
    const result = assemble({}, 'page=2.5&open=yes&ratio=1e999x&levels=x');
    expect(result).toMatchObject({
      ok: true,
      payload: { page: '2.5', open: 'yes', ratio: '1e999x', levels: ['x'] },
    });
    expect(assemble({}, 'page=99999999999999999999')).toMatchObject({
      payload: { page: '99999999999999999999' },
    });
  });

  it('keeps text when there is no contract', () => {
    const result = assemblePayload(
      { params: {}, query: new URLSearchParams('page=2'), body: undefined },
      undefined,
    );
    expect(result).toMatchObject({ ok: true, payload: { page: '2' } });
  });

  it('refuses a repeated scalar query parameter, a malformed path encoding and a body that is not an object', () => {
    expect(assemble({ classId: '%E0%A4%A' }, 'page=1&page=2', [1])).toEqual({
      ok: false,
      violations: [
        { path: 'classId', reason: '路径参数的 URL 编码无效', reasonEn: 'is not valid URL encoding' },
        { path: 'page', reason: '查询参数只能出现一次', reasonEn: 'may appear only once in the query' },
        { path: '', reason: '请求体应为 JSON 对象', reasonEn: 'the body must be a JSON object' },
      ],
    });
  });

  it('refuses the same field with different values in the path and the body', () => {
    expect(assemble({ classId: 'a' }, '', { classId: 'b' })).toEqual({
      ok: false,
      violations: [
        {
          path: 'classId',
          reason: '路径参数与请求体中的值不一致',
          reasonEn: 'the path parameter and the body disagree',
        },
      ],
    });
    expect(assemble({ classId: 'a' }, '', { classId: 'a' })).toMatchObject({ ok: true });
  });

  it('keeps a query key such as __proto__ a plain field', () => {
    const result = assemble({}, '__proto__=x&constructor=y');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.payload)).toBe(Object.prototype);
    expect(Object.keys(result.payload)).toEqual(['__proto__', 'constructor']);
  });
});
