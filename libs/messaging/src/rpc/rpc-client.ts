// The typed request/reply client (ARCHITECTURE §3): a command or query goes to
// `jineng.cmd|qry.<service>.<name>` through @nestjs/microservices over NATS, with a timeout, and
// comes back as the answer, as the same domain error the service threw, or as a clear
// `RpcTimeoutError` / `RemoteServiceError` — never as a hang or an anonymous 500.
import { domainErrorFromJson, isDomainErrorJson } from '@jineng/ddd';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { RpcRequest } from '../envelope';
import type { EnvelopeSigner } from '../signing/envelope-signature';
import { rpcSubject, type RpcTarget } from '../subjects';
import { RemoteServiceError, RpcTimeoutError } from './rpc-errors';
import {
  DEFAULT_REQUEST_GROUP_LIMITS,
  groupSubject,
  isGroupReply,
  RequestQueue,
  type RequestGroupLimits,
  type RpcGroupPayload,
  type Waiting,
} from './rpc-groups';

export interface RpcClientOptions {
  readonly defaultTimeoutMs?: number;
  /** signs every envelope for the subject it is sent on (the gateway's key): services refuse unsigned ones */
  readonly signer?: EnvelopeSigner;
  /** for `sendInGroup` (ADR 0024) */
  readonly groups?: RequestGroupLimits;
  /** told of every message `sendInGroup` sends: its subject and how many requests it carried */
  readonly onGroupSent?: (subject: string, requests: number) => void;
}

interface Grouped {
  readonly request: RpcRequest<unknown>;
  readonly timeoutMs: number;
}

export class RpcClient {
  private readonly defaultTimeoutMs: number;
  private readonly signer?: EnvelopeSigner;
  private readonly groupLimits: RequestGroupLimits;
  private readonly onGroupSent?: (subject: string, requests: number) => void;
  private readonly queues = new Map<string, RequestQueue<Grouped>>();

  constructor(
    private readonly proxy: ClientProxy,
    options: RpcClientOptions = {},
  ) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 5_000;
    this.signer = options.signer;
    this.groupLimits = options.groups ?? DEFAULT_REQUEST_GROUP_LIMITS;
    this.onGroupSent = options.onGroupSent;
  }

  async send<R>(
    target: RpcTarget,
    request: RpcRequest<unknown>,
    options: { timeoutMs?: number } = {},
  ): Promise<R> {
    const subject = rpcSubject(target);
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const sent = this.signer ? this.signer.sign(subject, request) : request;
    try {
      return await firstValueFrom(this.proxy.send<R>(subject, sent).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw toRpcError(subject, timeoutMs, error);
    }
  }

  /**
   * As `send`, for a command many callers send at the same moment (ADR 0024): while requests to the
   * subject are in flight, the ones that arrive wait and leave together as one group, which the
   * service answers request by request. Each caller gets its own answer or error, as from `send`.
   * The service must answer `<subject>.group` (answerEach).
   */
  sendInGroup<R>(
    target: RpcTarget,
    request: RpcRequest<unknown>,
    options: { timeoutMs?: number } = {},
  ): Promise<R> {
    const subject = rpcSubject(target);
    let queue = this.queues.get(subject);
    if (!queue) {
      queue = new RequestQueue(this.groupLimits, (batch) => this.sendBatch(target, subject, batch));
      this.queues.set(subject, queue);
    }
    return queue.add({ request, timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs }) as Promise<R>;
  }

  private async sendBatch(
    target: RpcTarget,
    subject: string,
    batch: readonly Waiting<Grouped>[],
  ): Promise<void> {
    this.onGroupSent?.(subject, batch.length);
    if (batch.length === 1) {
      const [{ item, resolve, reject }] = batch;
      await this.send(target, item.request, { timeoutMs: item.timeoutMs }).then(resolve, reject);
      return;
    }
    const timeoutMs = Math.max(...batch.map((w) => w.item.timeoutMs));
    const requests = batch.map((w) => w.item.request);
    const { signature: _signature, ...envelope } = requests[0].envelope;
    const group: RpcRequest<RpcGroupPayload> = { envelope, payload: { requests } };
    const onSubject = groupSubject(subject);
    const sent = this.signer ? this.signer.sign(onSubject, group) : group;
    let reply: unknown;
    try {
      reply = await firstValueFrom(this.proxy.send<unknown>(onSubject, sent).pipe(timeout(timeoutMs)));
    } catch (error) {
      const failure = toRpcError(subject, timeoutMs, error);
      batch.forEach((w) => w.reject(failure));
      return;
    }
    if (!isGroupReply(reply, batch.length)) {
      const failure = new RemoteServiceError(subject, {
        reason: 'not an answer to each request of the group',
      });
      batch.forEach((w) => w.reject(failure));
      return;
    }
    reply.answers.forEach((answer, i) =>
      answer.ok
        ? batch[i].resolve(answer.value)
        : batch[i].reject(toRpcError(subject, timeoutMs, answer.error)),
    );
  }
}

function toRpcError(subject: string, timeoutMs: number, error: unknown): Error {
  if (error instanceof TimeoutError) return new RpcTimeoutError(subject, timeoutMs, 'no_reply_in_time');
  if (isNoResponders(error)) return new RpcTimeoutError(subject, timeoutMs, 'no_responders');
  if (isDomainErrorJson(error)) return domainErrorFromJson(error);
  return new RemoteServiceError(subject, error);
}

/** NATS answers a request to a subject nobody listens on with an empty 503 status message. */
function isNoResponders(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.constructor.name === 'EmptyResponseException' || /no responders/i.test(error.message))
  );
}
