// The built web console (apps/console/dist) served on the gateway's origin, so it signs in and calls
// /api/v1 without CORS. Its files are read from one folder only (no path leaves it); every other GET of
// a page path answers index.html (the console routes in the browser). The API, docs, health and metrics
// paths are never touched. Ant Design writes its styles into <style> elements at run time: index.html is
// answered with a fresh nonce in a <meta name="csp-nonce"> and in the policy's style-src, so the console
// may add those styles and nothing injected can (styles stay 'self' + that nonce, scripts 'self').
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const NOT_CONSOLE = /^\/(api|health|metrics)(\/|$|\?)/;
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The policy the security headers set, with the nonce added to style-src (the only change). */
export function withStyleNonce(policy: string, nonce: string): string {
  return policy
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      return trimmed.startsWith('style-src ') || trimmed === 'style-src'
        ? `${trimmed} 'nonce-${nonce}'`
        : trimmed;
    })
    .join(';');
}

/** The file under `root` a URL path names, or undefined (outside the folder, missing, a folder). */
export function consoleFileOf(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const file = resolve(join(base, decoded));
  if (!file.startsWith(base + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function serveConsole(root: string): Middleware {
  const indexFile = join(resolve(root), 'index.html');
  return (req, res, next) => {
    const url = req.url ?? '/';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(url)) return next();
    const file = url === '/' || url.startsWith('/?') ? undefined : consoleFileOf(root, url);
    if (file && !file.endsWith('index.html')) {
      res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
      // Vite names the built assets by their content hash: they never change under their name
      res.setHeader(
        'Cache-Control',
        url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      const body = readFileSync(file);
      res.setHeader('Content-Length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    // a page path (no file extension) gets the console; a missing file with an extension is a 404
    if (extname(url.split('?')[0]) !== '' && !url.split('?')[0].endsWith('.html')) return next();
    if (!existsSync(indexFile)) return next();
    const nonce = randomBytes(16).toString('base64');
    const html = readFileSync(indexFile, 'utf8').replaceAll(NONCE_PLACEHOLDER, nonce);
    const policy = res.getHeader('Content-Security-Policy');
    if (typeof policy === 'string') res.setHeader('Content-Security-Policy', withStyleNonce(policy, nonce));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    const body = Buffer.from(html, 'utf8');
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
