// Requests sent together (ADR 0024): when many callers send the same command at the same moment — fifty
// trainees of a class checking in within a minute, across two hundred classes — the caller (the gateway)
// sends the requests that wait while earlier ones are in flight as ONE message, and the service answers
// each of them in one reply. The bus, the envelope MAC and the service's Nest pipeline then cost once
// per group instead of once per request; nothing waits on a timer: a request that finds a free slot
// leaves at once, alone, as before.
//
// A group travels on `<subject>.group` (`jineng.cmd.class-ops.RecordCheckIn.group`, still under the
// service's own subjects and keys). Its envelope is its first request's, MACed by the gateway for the
// group subject over the whole payload — the requests with their own envelopes — so each request's
// envelope is authenticated by that one MAC. The service answers each request as its single-request
// handler would: the value, or the error that handler's filter would have sent (a domain error as its
// JSON, anything else the generic remote failure, logged there).
import { isDomainError } from '@jineng/ddd';
import type { Logger } from '@nestjs/common';
import type { RpcRequest } from '../envelope';
import { InvalidRpcRequest, REMOTE_FAILURE_REPLY } from './rpc-errors';

/** The subject a group of requests for `subject` travels on. */
export const groupSubject = (subject: string): string => `${subject}.group`;

/** The most requests a service accepts in one group (the gateway sends at most its limits' maxRequests, 64). */
export const RPC_GROUP_ACCEPTED_MAX = 256;

export interface RpcGroupPayload {
  readonly requests: readonly RpcRequest[];
}

/** One answer a request of a group gets: its value, or the error JSON the service would have replied. */
export type RpcGroupAnswer =
  { readonly ok: true; readonly value?: unknown } | { readonly ok: false; readonly error: unknown };

export interface RpcGroupReply {
  readonly answers: readonly RpcGroupAnswer[];
}

/** What a service replies for a failure: a domain error's JSON; anything else logged and kept internal. */
export function rpcErrorReply(exception: unknown, logger: Pick<Logger, 'error'>): unknown {
  if (isDomainError(exception)) return exception.toJSON();
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return REMOTE_FAILURE_REPLY;
}

/**
 * The service side: every request of the group `data` handled by `handle` (the single-request
 * handler, which checks the request itself), all at once, each answered on its own in order.
 */
export async function answerEach(
  data: unknown,
  handle: (request: unknown) => unknown,
  logger: Pick<Logger, 'error'>,
): Promise<RpcGroupReply> {
  const requests = requestsOf(data);
  const answers = await Promise.all(
    requests.map(async (request): Promise<RpcGroupAnswer> => {
      try {
        return { ok: true, value: await handle(request) };
      } catch (error) {
        return { ok: false, error: rpcErrorReply(error, logger) };
      }
    }),
  );
  return { answers };
}

function requestsOf(data: unknown): readonly unknown[] {
  const payload = (data as { payload?: { requests?: unknown } } | null)?.payload;
  const requests = payload?.requests;
  if (!Array.isArray(requests) || requests.length === 0 || requests.length > RPC_GROUP_ACCEPTED_MAX)
    throw new InvalidRpcRequest({
      field: 'payload.requests',
      expected: `a list of 1 to ${RPC_GROUP_ACCEPTED_MAX} requests`,
    });
  return requests;
}

/** The caller's side: is `reply` the answer to a group of `size` requests? */
export function isGroupReply(reply: unknown, size: number): reply is RpcGroupReply {
  const answers = (reply as Partial<RpcGroupReply> | null)?.answers;
  return (
    Array.isArray(answers) &&
    answers.length === size &&
    answers.every((a) => typeof a === 'object' && a !== null && typeof (a as RpcGroupAnswer).ok === 'boolean')
  );
}

export interface RequestGroupLimits {
  /** groups (or single requests) in flight at once, per subject */
  readonly inFlight: number;
  /** the most requests one group carries */
  readonly maxRequests: number;
}

/** Two in flight: the service writes concurrent check-ins in two lanes (ADR 0008); 64 keep a group ≈ 70 kB. */
export const DEFAULT_REQUEST_GROUP_LIMITS: RequestGroupLimits = { inFlight: 2, maxRequests: 64 };

export interface Waiting<T> {
  readonly item: T;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for requests: a request leaves at once while fewer than `inFlight` are out; the ones
 * that arrive meanwhile wait and leave together (up to `maxRequests`) as soon as a slot frees.
 */
export class RequestQueue<T> {
  private readonly waiting: Waiting<T>[] = [];
  private inFlight = 0;

  constructor(
    private readonly limits: RequestGroupLimits,
    private readonly send: (batch: readonly Waiting<T>[]) => Promise<void>,
  ) {
    if (!(Number.isInteger(limits.inFlight) && limits.inFlight >= 1))
      throw new RangeError(`inFlight must be a positive integer, got ${limits.inFlight}`);
    if (!(Number.isInteger(limits.maxRequests) && limits.maxRequests >= 1))
      throw new RangeError(`maxRequests must be a positive integer, got ${limits.maxRequests}`);
  }

  add(item: T): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.limits.inFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.limits.maxRequests);
      this.inFlight += 1;
      // `send` settles every promise of its batch; a throw it let through fails the batch, not the queue
      void this.send(batch)
        .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }
}
