// Every quote in a seed file (between 「」 in its comments) is found verbatim in its document
// (../shared/seeds/, whitespace aside), and every parameter a seed sets has a quote of its own:
// in the comment right above it or in the comments of its value.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PARAMETERS, valueAt } from '../domain/policy-parameters';
import { POLICY_SEEDS } from './policy-seeds';

const SEEDS_DIR = path.resolve(__dirname, '../../../../../../shared/seeds');
const seedFile = (key: string) => path.join(__dirname, `${key}.ts`);
const squash = (text: string) => text.replace(/\s+/g, '');

/** The quotes of a file's comments; a quote may run over several comment lines. */
function quotesOf(source: string): string[] {
  const joined = source.replace(/\n\s*\/\/ ?/g, '');
  return [...joined.matchAll(/「([^」]*)」/g)].map((m) => m[1] as string);
}

describe.each(POLICY_SEEDS.map((seed) => [seed.key, seed] as const))('seed %s', (key, seed) => {
  const source = readFileSync(seedFile(key), 'utf8');
  const document = squash(readFileSync(path.join(SEEDS_DIR, seed.source), 'utf8'));

  it('quotes its document verbatim', () => {
    const quotes = quotesOf(source);
    expect(quotes.length).toBeGreaterThan(3);
    expect(quotes.filter((quote) => !document.includes(squash(quote)))).toEqual([]);
  });

  it('quotes a clause for every parameter it sets', () => {
    const lines = source.split('\n');
    const start = lines.findIndex((line) => /^\s*parameters: \{/.test(line));
    const indent = (line: string) => line.length - line.trimStart().length;
    const set = PARAMETERS.filter((p) => valueAt(seed.parameters, p) !== undefined);
    expect(set.length).toBeGreaterThan(0);
    const unquoted = set.filter(({ group, field }) => {
      const groupAt = lines.findIndex((line, i) => i > start && new RegExp(`^\\s*${group}: \\{`).test(line));
      const at = lines.findIndex(
        (line, i) =>
          i > groupAt && indent(line) > indent(lines[groupAt]!) && new RegExp(`^\\s*${field}:`).test(line),
      );
      if (groupAt < 0 || at < 0) return true;
      const comments: string[] = [];
      for (let i = at - 1; i > 0 && /^\s*\/\//.test(lines[i]!); i--) comments.push(lines[i]!);
      for (let i = at + 1; i < lines.length && indent(lines[i]!) > indent(lines[at]!); i++)
        comments.push(lines[i]!);
      return !comments.some((line) => /^\s*\/\/.*「/.test(line));
    });
    expect(unquoted.map((p) => p.path)).toEqual([]);
  });
});
