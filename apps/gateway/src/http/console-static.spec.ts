import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleFileOf, NONCE_PLACEHOLDER, serveConsole, withStyleNonce } from './console-static';

const root = mkdtempSync(join(tmpdir(), 'console-'));
mkdirSync(join(root, 'assets'));
writeFileSync(
  join(root, 'index.html'),
  `<meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"><div id="root">`,
);
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'outside-console.txt'), 'secret');

interface Answer {
  next: boolean;
  headers: Record<string, unknown>;
  body?: string;
}

function call(url: string, method = 'GET', csp?: string): Answer {
  const headers: Record<string, unknown> = csp ? { 'content-security-policy': csp } : {};
  const answer: Answer = { next: false, headers };
  const res = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = value),
    getHeader: (name: string) => headers[name.toLowerCase()],
    end: (body?: Buffer) => (answer.body = body?.toString('utf8')),
  } as unknown as ServerResponse;
  serveConsole(root)({ url, method } as IncomingMessage, res, () => (answer.next = true));
  return answer;
}

describe('the console served by the gateway', () => {
  it('answers a built asset with its type and a long cache (content-hashed name)', () => {
    const answer = call('/assets/index-abc.js');
    expect(answer.body).toBe('console.log(1)');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['cache-control']).toContain('immutable');
  });

  it('answers index.html for the root and for any page path, with a fresh nonce in the page and the policy', () => {
    const policy = "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:";
    const first = call('/', 'GET', policy);
    const second = call('/workers/new', 'GET', policy);
    const nonceOf = (a: Answer) => /content="([^"]+)"/.exec(a.body!)![1];
    expect(nonceOf(first)).not.toBe(NONCE_PLACEHOLDER);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(first.headers['content-security-policy']).toBe(
      `default-src 'self';script-src 'self';style-src 'self' 'nonce-${nonceOf(first)}';img-src 'self' data:`,
    );
    expect(first.headers['cache-control']).toBe('no-store');
  });

  it('leaves the API, health, metrics and other methods to the gateway', () => {
    for (const url of ['/api/v1/me', '/api', '/health/ready', '/metrics', '/api/docs'])
      expect(call(url).next).toBe(true);
    expect(call('/', 'POST').next).toBe(true);
  });

  it('never serves a file outside its folder, and a missing file with an extension is not the page', () => {
    expect(consoleFileOf(root, '/../outside-console.txt')).toBeUndefined();
    expect(consoleFileOf(root, '/%2e%2e/outside-console.txt')).toBeUndefined();
    expect(consoleFileOf(root, '/assets')).toBeUndefined();
    expect(call('/%2e%2e/outside-console.txt').next).toBe(true);
    expect(call('/assets/missing.js').next).toBe(true);
  });

  it('adds the nonce to style-src only', () => {
    expect(withStyleNonce("script-src 'self';style-src 'self'", 'n')).toBe(
      "script-src 'self';style-src 'self' 'nonce-n'",
    );
  });
});
