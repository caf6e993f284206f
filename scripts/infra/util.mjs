// Small helpers shared by the infrastructure scripts (plain ESM, Node built-ins only).
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL, fileURLToPath } from 'node:url';

export { sleep };

/** Absolute path of the repository root (two levels above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** The default logger: one line, prefixed, on stdout. */
export function defaultLog(message) {
  console.log(`[infra] ${message}`);
}

/** An Error whose message is meant for a human and needs no stack trace. */
export class InfraError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'InfraError';
  }
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** true when the host names this machine (so we may start a server for it). */
export function isLocalHost(host) {
  const h = String(host ?? '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return h === '' || h === 'localhost' || h === '127.0.0.1' || h === '::1' || h.startsWith('127.');
}

/** Hide the password of a URL before printing it. */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** Look a command up in PATH (and in the extra directories given); returns its path or null. */
export function findExecutable(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Run a command to completion. Resolves { code, stdout, stderr } (never rejects on a non-zero
 * exit; rejects only when the command cannot be started). `inherit: true` streams its output.
 */
export function run(command, args, { inherit = false, env, cwd, timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: env ?? process.env,
      cwd,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    let timer;
    if (timeoutMs) {
      timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    }
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr });
    });
  });
}

/** Poll `probe` (async, returns truthy when done) until it succeeds or `timeoutMs` passes. */
export async function waitFor(probe, { timeoutMs, intervalMs = 250, what }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const result = await probe();
      if (result) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? ` (last error: ${lastError.message})` : '';
      throw new InfraError(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}
