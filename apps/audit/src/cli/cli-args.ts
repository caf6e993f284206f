// The auditors' command line (issue 15): what was asked, parsed and checked before any call is made.
//   timeline <entityId> [--type T] [--service S] [--from ISO] [--to ISO] [--kind K]
//   explain (--payment <id> | --claim <id> [--worker <id>])
//   replay <claimId> --as-of <ISO time>
//   recompute <claimId>...
//   verify [--service S]...
// common: --gateway URL (JINENG_GATEWAY_URL), --token JWT (JINENG_TOKEN) or --dev-user NAME
// (JINENG_DEV_USER: the development issuer's sign-in), --jurisdiction CODE.
export const COMMANDS = ['timeline', 'explain', 'replay', 'recompute', 'verify'] as const;
export type CliCommand = (typeof COMMANDS)[number];

export interface CliArgs {
  readonly command: CliCommand;
  readonly ids: readonly string[];
  readonly options: Readonly<Record<string, string[]>>;
  readonly gateway: string;
  readonly token?: string;
  readonly devUser?: string;
}

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VALUED = [
  'type',
  'service',
  'from',
  'to',
  'kind',
  'payment',
  'claim',
  'worker',
  'as-of',
  'gateway',
  'token',
  'dev-user',
  'jurisdiction',
];

export const USAGE = `usage: npm run audit -- <command> [arguments] [--gateway URL] [--token JWT | --dev-user NAME]
  timeline <entityId> [--type ClaimApproved.v1] [--service subsidy] [--from ISO] [--to ISO] [--kind worker]
  explain --payment <paymentId> | --claim <claimId> [--worker <workerId>]
  replay <claimId> --as-of <ISO time>
  recompute <claimId> [<claimId> ...]
  verify [--service <service> ...]`;

export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliArgs {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as CliCommand))
    throw new CliUsageError(`unknown command '${command ?? ''}'`);
  const ids: string[] = [];
  const options: Record<string, string[]> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      ids.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!VALUED.includes(name)) throw new CliUsageError(`unknown option --${name}`);
    const value = inline ?? rest[++i];
    if (value === undefined || value === '') throw new CliUsageError(`--${name} needs a value`);
    (options[name] ??= []).push(value);
  }
  const one = (name: string) => options[name]?.[0];
  const time = (name: string) => {
    const value = one(name);
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      throw new CliUsageError(`--${name} '${value}' is not an ISO time (e.g. 2026-03-01T08:00:00+08:00)`);
  };
  const uuids = (values: readonly string[], what: string) => {
    for (const value of values)
      if (!UUID.test(value)) throw new CliUsageError(`${what} '${value}' is not a UUID`);
  };
  switch (command as CliCommand) {
    case 'timeline':
      if (ids.length !== 1) throw new CliUsageError('timeline takes one entity id');
      time('from');
      time('to');
      break;
    case 'explain':
      if (ids.length > 0 || (!one('payment') && !one('claim')))
        throw new CliUsageError('explain takes --payment <id> or --claim <id> [--worker <id>]');
      uuids([...(options.payment ?? []), ...(options.claim ?? []), ...(options.worker ?? [])], 'id');
      break;
    case 'replay':
      if (ids.length !== 1 || !one('as-of'))
        throw new CliUsageError('replay takes a claim id and --as-of <ISO time>');
      uuids(ids, 'claim id');
      time('as-of');
      break;
    case 'recompute':
      if (ids.length === 0) throw new CliUsageError('recompute takes one or more claim ids');
      uuids(ids, 'claim id');
      break;
    case 'verify':
      if (ids.length > 0) throw new CliUsageError('verify takes no ids (--service to narrow it)');
      break;
  }
  const token = one('token') ?? env.JINENG_TOKEN;
  const devUser = one('dev-user') ?? env.JINENG_DEV_USER;
  if (!token && !devUser)
    throw new CliUsageError('sign in: --token <JWT> (JINENG_TOKEN) or --dev-user <name> (JINENG_DEV_USER)');
  return {
    command: command as CliCommand,
    ids,
    options,
    gateway: (one('gateway') ?? env.JINENG_GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    ...(token ? { token } : {}),
    ...(devUser && !token ? { devUser } : {}),
  };
}
