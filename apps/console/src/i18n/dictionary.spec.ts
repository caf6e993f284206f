// The Chinese screens carry no English: every Chinese entry is Chinese (a few names and file types
// excepted), both dictionaries have the same placeholders, and no screen writes text outside them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { en, translate, zh, type MessageKey } from './dictionary';

// words a Chinese screen may show as they are
const ALLOWED_LATIN = /^(Excel|English|xlsx|csv|ID)$/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionary', () => {
  it('has no English word in a Chinese entry', () => {
    const offending = Object.entries(zh).filter(([key, text]) => {
      if (key === 'app.language') return false; // the toggle names the other language
      const words = text.replace(/\{\w+\}/g, '').match(/[A-Za-z]+/g) ?? [];
      return words.some((word) => !ALLOWED_LATIN.test(word));
    });
    expect(offending).toEqual([]);
  });

  it('has the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as MessageKey[])
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(zh[key])]);
  });

  it('fills placeholders', () => {
    expect(translate('zh', 'list.total', { total: 10000 })).toBe('共 10000 条');
    expect(translate('en', 'list.total', { total: 10000 })).toBe('10000 in all');
  });

  it('is where every text of a screen comes from: no letters between JSX tags in the console’s sources', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (full.endsWith('.tsx') && !full.endsWith('.spec.tsx')) files.push(full);
      }
    };
    walk(join(__dirname, '..'));
    // the text between JSX tags, read by the TypeScript parser
    const found = files.flatMap((file) => {
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      const texts: string[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && /[A-Za-z\u4e00-\u9fff]/.test(node.text))
          texts.push(`${file}: ${node.text.trim()}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
      return texts;
    });
    expect(found).toEqual([]);
  });
});
