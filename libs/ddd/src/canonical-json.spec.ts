import { canonicalJson, jsonDigest } from './canonical-json';

describe('canonicalJson', () => {
  it('writes the same text whatever the key order, at every level', () => {
    const a = { b: 1, a: { y: [3, { q: 1, p: 2 }], x: 'z' } };
    const b = { a: { x: 'z', y: [3, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"x":"z","y":[3,{"p":2,"q":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('leaves undefined properties out, as JSON does, and keeps array order', () => {
    expect(canonicalJson({ a: undefined, b: [2, 1] })).toBe('{"b":[2,1]}');
    expect(canonicalJson(JSON.parse(JSON.stringify({ a: undefined, b: [2, 1] })))).toBe('{"b":[2,1]}');
  });

  it('gives what travels as JSON the same text after the trip', () => {
    const payload = { name: '王小红', amountFen: 15_000, share: 0.65, flags: [true, null], note: 'a"b\\c' };
    expect(canonicalJson(JSON.parse(JSON.stringify(payload)))).toBe(canonicalJson(payload));
  });

  it('writes a value with toJSON (a Date) as JSON does, not as an empty object', () => {
    const at = new Date('2026-11-30T08:00:00.000Z');
    expect(canonicalJson({ b: at, a: 1 })).toBe('{"a":1,"b":"2026-11-30T08:00:00.000Z"}');
    expect(canonicalJson({ at })).not.toBe(canonicalJson({ at: new Date('2026-12-01T08:00:00.000Z') }));
  });

  it('keeps a key named __proto__ as the data it is', () => {
    const parsed = JSON.parse('{"b":1,"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"b":1}');
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":2}}'))).not.toBe(canonicalJson(parsed));
  });
});

describe('jsonDigest', () => {
  it('is the sha256 of the canonical text, and differs when a value does', () => {
    expect(jsonDigest({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(jsonDigest({ b: 1, a: 2 })).toBe(jsonDigest({ a: 2, b: 1 }));
    expect(jsonDigest({ a: 1 })).not.toBe(jsonDigest({ a: 2 }));
    expect(jsonDigest({ a: '1' })).not.toBe(jsonDigest({ a: 1 }));
  });
});
