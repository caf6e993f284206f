import { isUuid, newId } from './ids';

describe('ids', () => {
  it('newId gives a lower-case version 4 UUID', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('newId does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
  });

  it.each([
    '123e4567-e89b-12d3-a456-426614174000',
    '123E4567-E89B-12D3-A456-426614174000',
    '018f3c3a-7b2e-7cc1-9f1a-2b3c4d5e6f70',
    '00000000-0000-0000-0000-000000000000',
  ])('accepts the canonical form %s', (s) => {
    expect(isUuid(s)).toBe(true);
  });

  it.each([
    '',
    '123e4567e89b12d3a456426614174000',
    '{123e4567-e89b-12d3-a456-426614174000}',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567-e89b-12d3-a456-4266141740000',
    '123e4567-e89b-12d3-a456-42661417400g',
    ' 123e4567-e89b-12d3-a456-426614174000',
    '123e4567-e89b-12d3-a456-426614174000\n',
  ])('rejects %j', (s) => {
    expect(isUuid(s)).toBe(false);
  });

  it.each([undefined, null, 42, {}])('rejects the non-string %p', (s) => {
    expect(isUuid(s)).toBe(false);
  });
});
