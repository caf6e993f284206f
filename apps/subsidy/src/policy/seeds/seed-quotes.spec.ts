// Every quote of a seed is found verbatim in its document (../shared/seeds/, whitespace aside): the
// clauses the version carries (one for every parameter it sets, and for each rule it names without a
// value), the reasons of its assumptions, and the words between 「」 in the file's comments.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PARAMETERS, valueAt } from '@jineng/subsidy-computation';
import { POLICY_SEEDS } from './policy-seeds';

/**
 * `shared/seeds` beside the repository (`../shared/seeds` of the main checkout), found from the nearest
 * directory up that has it, so that a checkout elsewhere (a git worktree) finds it too. Missing: fails.
 */
function seedsDir(): string {
  for (let dir = path.resolve(__dirname, '../../../../..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'seeds');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('no shared/seeds directory above the repository');
  }
}
const SEEDS_DIR = seedsDir();
const seedFile = (key: string) => path.join(__dirname, `${key}.ts`);
const squash = (text: string) => text.replace(/\s+/g, '');

/** The 「」 quotes of a file; a quote may run over several comment lines (// or a block's *). */
function quotesOf(source: string): string[] {
  const joined = source.replace(/\n\s*(\/\/|\*) ?/g, '');
  return [...joined.matchAll(/「([^」]*)」/g)].map((m) => m[1] as string);
}

describe.each(POLICY_SEEDS.map((seed) => [seed.key, seed] as const))('seed %s', (key, seed) => {
  const document = squash(readFileSync(path.join(SEEDS_DIR, seed.source), 'utf8'));
  const missing = (quotes: readonly string[]) => quotes.filter((quote) => !document.includes(squash(quote)));

  it('quotes its document verbatim for every parameter it sets or names', () => {
    const quotes = seed.clauses.flatMap((clause) => clause.quotes);
    expect(quotes.length).toBeGreaterThanOrEqual(seed.clauses.length);
    expect(missing(quotes)).toEqual([]);
  });

  it('has a clause for every parameter it sets', () => {
    const set = PARAMETERS.filter((p) => valueAt(seed.parameters, p) !== undefined).map((p) => p.path);
    expect(set.length).toBeGreaterThan(0);
    const quoted = seed.clauses.filter((c) => c.quotes.length > 0).map((c) => c.parameter);
    expect(set.filter((p) => !quoted.includes(p))).toEqual([]);
  });

  it('quotes verbatim in the reasons of its assumptions and in its comments', () => {
    const inReasons = seed.assumptions.flatMap((a) => quotesOf(a.reason));
    expect(missing(inReasons)).toEqual([]);
    const inFile = quotesOf(readFileSync(seedFile(key), 'utf8'));
    expect(inFile.length).toBeGreaterThan(0);
    expect(missing(inFile)).toEqual([]);
  });
});

it('finds a misquote (the check can fail)', () => {
  const document = squash(readFileSync(path.join(SEEDS_DIR, 'qujing-2019-2021-action-plan.txt'), 'utf8'));
  expect(document.includes(squash('原则上每人每年可享受不超过3次'))).toBe(true);
  expect(document.includes(squash('原则上每人每年可享受不超过4次'))).toBe(false);
});
