// One JSON object per line (ARCHITECTURE §8): what log collectors parse without patterns. The
// correlation id comes from the async context, so Nest's own log lines carry it too.
import type { LoggerService, LogLevel } from '@nestjs/common';
import { currentCorrelationId } from '../correlation/correlation-context';
import { redact } from './redact';

/** Levels as written in the `level` field; Nest's `log` is written as `info`. */
export type JsonLogLevel = 'verbose' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

const ORDER: readonly JsonLogLevel[] = ['verbose', 'debug', 'info', 'warn', 'error', 'fatal'];
const FROM_NEST: Readonly<Record<LogLevel, JsonLogLevel>> = {
  verbose: 'verbose',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

export interface JsonLoggerOptions {
  /** the app, written as `service` on every line */
  readonly service: string;
  /** the lowest level written (default `info`) */
  readonly level?: JsonLogLevel;
  /** where lines go (default stdout); tests collect them */
  readonly sink?: (line: string) => void;
  /** default `new Date()`; tests fix it */
  readonly now?: () => Date;
}

/** Structured fields for one line; `message` is the text, the rest are written as they are (redacted). */
export type LogFields = { readonly message: string } & Readonly<Record<string, unknown>>;

export function parseLogLevel(value: string | undefined, fallback: JsonLogLevel = 'info'): JsonLogLevel {
  if (value === undefined || value === '') return fallback;
  const level = value === 'log' ? 'info' : value;
  if (!(ORDER as readonly string[]).includes(level)) {
    throw new TypeError(`unknown log level '${value}' (expected one of ${ORDER.join(', ')})`);
  }
  return level as JsonLogLevel;
}

// Nest passes the context as the last string argument, and for errors a stack trace before it.
const looksLikeStack = (value: unknown): value is string =>
  typeof value === 'string' && /\n\s+at /.test(value);

export class JsonLogger implements LoggerService {
  private readonly service: string;
  private readonly sink: (line: string) => void;
  private readonly now: () => Date;
  private enabled: ReadonlySet<JsonLogLevel>;

  constructor(options: JsonLoggerOptions) {
    this.service = options.service;
    this.sink = options.sink ?? ((line) => process.stdout.write(`${line}\n`));
    this.now = options.now ?? (() => new Date());
    this.enabled = new Set(ORDER.slice(ORDER.indexOf(options.level ?? 'info')));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Called by Nest with the levels of `app.useLogger` / `logger: [...]`. */
  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels.map((level) => FROM_NEST[level]));
  }

  isEnabled(level: JsonLogLevel): boolean {
    return this.enabled.has(level);
  }

  private write(level: JsonLogLevel, message: unknown, params: unknown[]): void {
    if (!this.enabled.has(level)) return;
    const rest = [...params];
    const context = typeof rest.at(-1) === 'string' && !looksLikeStack(rest.at(-1)) ? rest.pop() : undefined;
    const stack = looksLikeStack(rest[0]) ? (rest.shift() as string) : undefined;

    const line: Record<string, unknown> = {
      time: this.now().toISOString(),
      level,
      service: this.service,
      ...(context === undefined ? {} : { context }),
      correlationId: currentCorrelationId(),
    };
    if (message instanceof Error) {
      line.message = message.message;
      line.error = errorFields(message);
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
      if (typeof line.message !== 'string') line.message = '';
    } else {
      line.message = String(message);
    }
    if (stack !== undefined) line.stack = stack;
    if (rest.length > 0) line.params = rest.map((p) => (p instanceof Error ? errorFields(p) : p));
    this.sink(stringify(redact(line)));
  }
}

function errorFields(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack === undefined ? {} : { stack: error.stack }),
  };
}

function stringify(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '[circular]';
      seen.add(v);
    }
    return v;
  });
}
