import type { Principal } from '@jineng/messaging';
import { VerifiedTokenCache } from './verified-token-cache';

const principal = (userId: string): Principal => ({
  userId,
  roles: ['county_officer'],
  jurisdiction: '140802',
});

describe('VerifiedTokenCache', () => {
  let nowMs = 1_000_000;
  const cache = (capacity = 3, maxAgeMs = 60_000) =>
    new VerifiedTokenCache({ capacity, maxAgeMs, now: () => nowMs });

  beforeEach(() => {
    nowMs = 1_000_000;
  });

  it('answers a remembered token until its maximum age, then forgets it', () => {
    const tokens = cache();
    tokens.remember('t1', principal('u1'), nowMs / 1000 + 3600);
    expect(tokens.get('t1')).toEqual(principal('u1'));
    nowMs += 59_999;
    expect(tokens.get('t1')).toEqual(principal('u1'));
    nowMs += 1;
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('never answers a token past its own exp, however recently it was verified', () => {
    const tokens = cache();
    tokens.remember('t1', principal('u1'), nowMs / 1000 + 10);
    nowMs += 9_999;
    expect(tokens.get('t1')).toEqual(principal('u1'));
    nowMs += 1;
    expect(tokens.get('t1')).toBeUndefined();
  });

  it('does not keep a token that has already expired (verified within the clock tolerance)', () => {
    const tokens = cache();
    tokens.remember('t1', principal('u1'), nowMs / 1000 - 5);
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('answers only the exact token text', () => {
    const tokens = cache();
    tokens.remember('header.payload.sig', principal('u1'), nowMs / 1000 + 3600);
    expect(tokens.get('header.payload.sig2')).toBeUndefined();
    expect(tokens.get('header.payload.si')).toBeUndefined();
  });

  it('holds at most its capacity, dropping the least recently used', () => {
    const tokens = cache(2);
    const exp = nowMs / 1000 + 3600;
    tokens.remember('a', principal('a'), exp);
    tokens.remember('b', principal('b'), exp);
    expect(tokens.get('a')).toBeDefined(); // a is now the most recently used
    tokens.remember('c', principal('c'), exp);
    expect(tokens.size).toBe(2);
    expect(tokens.get('b')).toBeUndefined();
    expect(tokens.get('a')).toEqual(principal('a'));
    expect(tokens.get('c')).toEqual(principal('c'));
  });
});
