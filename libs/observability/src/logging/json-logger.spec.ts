import { runWithCorrelationId } from '../correlation/correlation-context';
import { JsonLogger, parseLogLevel, type JsonLogLevel } from './json-logger';

function collect(level?: JsonLogLevel) {
  const lines: string[] = [];
  const logger = new JsonLogger({
    service: 'gateway',
    level,
    sink: (line) => lines.push(line),
    now: () => new Date('2025-03-01T08:00:00.000Z'),
  });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, service, context and correlation id', () => {
    const { logger, lines, parsed } = collect();
    runWithCorrelationId('corr-7', () =>
      logger.log('Nest application successfully started', 'NestApplication'),
    );
    logger.warn('outside of a request');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(parsed()).toEqual([
      {
        time: '2025-03-01T08:00:00.000Z',
        level: 'info',
        service: 'gateway',
        context: 'NestApplication',
        correlationId: 'corr-7',
        message: 'Nest application successfully started',
      },
      {
        time: '2025-03-01T08:00:00.000Z',
        level: 'warn',
        service: 'gateway',
        message: 'outside of a request',
      },
    ]);
  });

  it('spreads structured fields, keeping their correlation id over the current one', () => {
    const { logger, parsed } = collect();
    runWithCorrelationId('current', () =>
      logger.log(
        {
          message: 'request',
          correlationId: 'req-1',
          method: 'GET',
          route: '/api/v1/me',
          status: 200,
          durationMs: 3.2,
        },
        'HttpRequest',
      ),
    );
    expect(parsed()[0]).toEqual({
      time: '2025-03-01T08:00:00.000Z',
      level: 'info',
      service: 'gateway',
      context: 'HttpRequest',
      correlationId: 'req-1',
      message: 'request',
      method: 'GET',
      route: '/api/v1/me',
      status: 200,
      durationMs: 3.2,
    });
  });

  it("tells Nest's stack argument from its context argument", () => {
    const { logger, parsed } = collect();
    const error = new Error('boom');
    logger.error('handler failed', error.stack, 'ExceptionsHandler');
    logger.error(error, 'Dispatcher');
    const [first, second] = parsed();
    expect(first).toMatchObject({ level: 'error', context: 'ExceptionsHandler', message: 'handler failed' });
    expect(first.stack).toContain('at ');
    expect(second).toMatchObject({
      context: 'Dispatcher',
      message: 'boom',
      error: { name: 'Error', message: 'boom' },
    });
  });

  it('writes nothing below its level, and follows the levels Nest sets', () => {
    const { logger, parsed } = collect('warn');
    logger.debug('not written');
    logger.log('not written either');
    logger.error('written');
    logger.setLogLevels(['debug']);
    logger.debug('now written');
    logger.error('now not');
    expect(parsed().map((line) => [line.level, line.message])).toEqual([
      ['error', 'written'],
      ['debug', 'now written'],
    ]);
  });

  it('never writes tokens or personal data', () => {
    const { logger, lines } = collect();
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
    logger.log({ message: `rejected Bearer ${jwt}`, headers: { authorization: `Bearer ${jwt}` } });
    logger.log({ message: 'lookup', idNumber: '14270219900101123X', phone: '13912345678' });
    logger.log('worker 14270219900101123X called from 13912345678');
    const all = lines.join('\n');
    for (const secret of [jwt, '14270219900101123X', '13912345678']) expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });

  it('survives circular structures and bigints', () => {
    const { logger, parsed } = collect();
    const cyclic: Record<string, unknown> = { message: 'cyclic', n: 10n };
    cyclic.self = cyclic;
    logger.log(cyclic);
    expect(parsed()[0]).toMatchObject({ message: 'cyclic', n: '10' });
  });
});

describe('parseLogLevel', () => {
  it('reads the levels, `log` as `info`, and defaults when unset', () => {
    expect(parseLogLevel('debug')).toBe('debug');
    expect(parseLogLevel('log')).toBe('info');
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel('', 'warn')).toBe('warn');
    expect(() => parseLogLevel('loud')).toThrow(/unknown log level 'loud'/);
  });
});
