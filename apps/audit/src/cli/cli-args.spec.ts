// The auditors' CLI: what it accepts, what it refuses before calling anything, and its progress bar.
import { CliUsageError, parseCliArgs } from './cli-args';
import { ProgressBar, renderBar } from './progress-bar';

const ID = '3f1c2b9e-8a47-4d2e-9c61-0b5f7e2a9d10';
const env = { JINENG_DEV_USER: 'auditor' };
const refused = (argv: string[], environment: Record<string, string> = env) => {
  try {
    parseCliArgs(argv, environment);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
};

it('parses each command with its options, the gateway and the sign-in', () => {
  expect(
    parseCliArgs(['timeline', ID, '--type', 'ClaimApproved.v1', '--from=2026-01-01T00:00:00Z'], env),
  ).toEqual({
    command: 'timeline',
    ids: [ID],
    options: { type: ['ClaimApproved.v1'], from: ['2026-01-01T00:00:00Z'] },
    gateway: 'http://127.0.0.1:3000',
    devUser: 'auditor',
  });
  expect(
    parseCliArgs(['explain', '--payment', ID, '--gateway', 'http://gw:3000/'], { JINENG_TOKEN: 'jwt' }),
  ).toMatchObject({
    command: 'explain',
    options: { payment: [ID] },
    gateway: 'http://gw:3000',
    token: 'jwt',
  });
  expect(parseCliArgs(['replay', ID, '--as-of', '2026-03-01T08:00:00+08:00'], env).options['as-of']).toEqual([
    '2026-03-01T08:00:00+08:00',
  ]);
  expect(parseCliArgs(['recompute', ID, ID], env).ids).toEqual([ID, ID]);
  expect(
    parseCliArgs(['verify', '--service', 'subsidy', '--service', 'registry'], env).options.service,
  ).toEqual(['subsidy', 'registry']);
});

it('refuses what it cannot send, naming the argument', () => {
  expect(refused(['export'])).toBe("unknown command 'export'");
  expect(refused(['timeline'])).toBe('timeline takes one entity id');
  expect(refused(['timeline', ID, '--from', 'yesterday'])).toMatch(/--from 'yesterday' is not an ISO time/);
  expect(refused(['explain'])).toMatch(/--payment <id> or --claim <id>/);
  expect(refused(['explain', '--claim', 'abc'])).toBe("id 'abc' is not a UUID");
  expect(refused(['replay', ID])).toMatch(/--as-of/);
  expect(refused(['recompute'])).toMatch(/one or more claim ids/);
  expect(refused(['verify', '--colour', 'red'])).toBe('unknown option --colour');
  expect(refused(['verify', '--service'])).toBe('--service needs a value');
  expect(refused(['verify'], {})).toMatch(/sign in/);
});

it('draws a bar: in place on a terminal, a line per step in a log', () => {
  expect(renderBar(0, 4, 'claims', 8)).toBe('[........] 0/4   0% claims');
  expect(renderBar(3, 4, 'claims', 8)).toBe('[######..] 3/4  75% claims');
  expect(renderBar(0, 0, 'pages', 4)).toBe('[####] 0/0 100% pages');
  const log: string[] = [];
  const plain = new ProgressBar({ write: (t: string) => log.push(t) }, 2);
  plain.update(1, 'x');
  plain.update(2, 'x');
  plain.finish();
  expect(log).toEqual([`${renderBar(1, 2, 'x')}\n`, `${renderBar(2, 2, 'x')}\n`]);
  const tty: string[] = [];
  const terminal = new ProgressBar({ write: (t: string) => tty.push(t), isTTY: true }, 2);
  terminal.update(1, 'x');
  terminal.finish();
  expect(tty).toEqual([`\r\x1b[2K${renderBar(1, 2, 'x')}`, '\n']);
});
