import { InvalidEventError } from '../event-store.port';
import { eventJson } from './event-json';

describe('eventJson', () => {
  it('serialises plain data exactly as JSON.stringify does', () => {
    const data = { 名称: '运城', n: [1, -2.5, 0.1], nested: { ok: true, none: null }, empty: {} };
    expect(eventJson(data, 'data')).toBe(JSON.stringify(data));
  });

  it.each([
    ['an unsafe integer', { amount: 2 ** 60 }, /data\.amount: .* beyond the exact integer range/],
    ['NaN', { x: NaN }, /data\.x: NaN is not a finite number/],
    ['Infinity in an array', { xs: [1, Infinity] }, /data\.xs\[1\]: Infinity/],
    ['a class instance', { at: new Date(0) }, /data\.at: events are plain data, not Date/],
    ['a bigint', { n: 1n }, /data\.n: a bigint/],
    ['a function', { f: () => 1 }, /data\.f: a function/],
  ])('refuses %s, naming where it is', (_, data, message) => {
    expect(() => eventJson(data as object, 'data')).toThrow(InvalidEventError);
    expect(() => eventJson(data as object, 'data')).toThrow(message);
  });

  it('refuses a top level that is not an object', () => {
    expect(() => eventJson([1] as unknown as object, 'metadata')).toThrow(/metadata must be a JSON object/);
  });
});
