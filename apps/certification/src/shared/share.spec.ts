import { isBelow, minimumOf, shareOf } from './share';

it('rates with 4 decimals, rounded half up', () => {
  expect(shareOf(4, 5)).toBe('0.8000');
  expect(shareOf(5, 6)).toBe('0.8333');
  expect(shareOf(2, 3)).toBe('0.6667');
  expect(shareOf(1, 80_000)).toBe('0.0000');
  expect(shareOf(1, 20_000)).toBe('0.0001');
  expect(shareOf(0, 0)).toBeUndefined();
  expect(minimumOf(0.85)).toBe('0.8500');
});

it('below a minimum exactly: 80 % is not below 80 %, one trainee fewer is', () => {
  expect(isBelow(8, 10, 0.8)).toBe(false);
  expect(isBelow(79, 100, 0.8)).toBe(true);
  expect(isBelow(3, 10, 0.3)).toBe(false);
  expect(isBelow(299, 1000, 0.3)).toBe(true);
  // 0.29999 of a rate shows as 0.3000 but is below
  expect(isBelow(29_999, 100_000, 0.3)).toBe(true);
});
