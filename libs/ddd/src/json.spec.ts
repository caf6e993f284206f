import { toJsonObject } from './json';

describe('toJsonObject', () => {
  it('deep-copies plain JSON data and drops undefined properties', () => {
    const source = {
      a: 1,
      b: 'x',
      c: [true, null, { d: undefined, e: -0.5 }],
      f: undefined,
      g: Object.create(null),
    };
    const copy = toJsonObject(source);
    expect(copy).toStrictEqual({ a: 1, b: 'x', c: [true, null, { e: -0.5 }], g: {} });
    expect(Object.keys(copy)).not.toContain('f');
    expect(copy.c).not.toBe(source.c);
  });

  it.each([
    ['$.at', { at: new Date(0) }, 'Date'],
    ['$.list[1]', { list: [1, new Map()] }, 'Map'],
    ['$.n', { n: Number.NaN }, 'NaN'],
    ['$.n', { n: Infinity }, 'Infinity'],
    ['$.big', { big: 1n }, 'bigint'],
    ['$.f', { f: () => 1 }, 'function'],
    ['$.list[0]', { list: [undefined] }, 'undefined'],
    ['$.nested.instance', { nested: { instance: new (class Money {})() } }, 'Money'],
  ])('names %s when it is not plain JSON', (path, value, kind) => {
    expect(() => toJsonObject(value)).toThrow(new TypeError(`${path} is not plain JSON data (${kind})`));
  });

  it('requires an object at the top', () => {
    expect(() => toJsonObject([1], 'data')).toThrow(/^data is not plain JSON data \(Array\)$/);
    expect(() => toJsonObject('x', 'data')).toThrow(/^data is not plain JSON data \(string\)$/);
  });
});
