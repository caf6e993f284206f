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

export interface RpcClientOptions {
  readonly defaultTimeoutMs?: number;
  /** signs every envelope for the subject it is sent on (the gateway's key): services refuse unsigned ones */
  readonly signer?: EnvelopeSigner;
}

export class RpcClient {
  private readonly defaultTimeoutMs: number;
  private readonly signer?: EnvelopeSigner;

  constructor(
    private readonly proxy: ClientProxy,
    options: RpcClientOptions = {},
  ) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 5_000;
    this.signer = options.signer;
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
