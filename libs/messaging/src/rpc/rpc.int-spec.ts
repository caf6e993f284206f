import { randomBytes, randomUUID } from 'node:crypto';
import { ReceivedDomainError, defineDomainError } from '@jineng/ddd';
import { natsUrl } from '@jineng/testing';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  ClientProxyFactory,
  MessagePattern,
  Payload,
  Transport,
  type ClientProxy,
} from '@nestjs/microservices';
import type { Envelope, RpcRequest } from '../envelope';
import { rpcSubject, type RpcTarget } from '../subjects';
import { RemoteServiceError, RpcTimeoutError } from './rpc-errors';
import { RpcClient } from './rpc-client';
import { DomainErrorRpcFilter } from './rpc-exception.filter';
import { commandMetadataOf, parseRpcRequest } from './rpc-request';

// a service name of this run's own, so parallel runs on the shared server never answer each other
const service = `probe-${randomBytes(3).toString('hex')}`;
const target = (name: string, kind: RpcTarget['kind'] = 'command'): RpcTarget => ({ kind, service, name });

class ClassTooLarge extends defineDomainError<{ max: number; actual: number }>({
  code: 'CLASS.TOO_MANY_TRAINEES',
  category: 'illegal_state',
  zh: (d) => `学员人数 ${d.actual} 超过上限 ${d.max}`,
  en: (d) => `${d.actual} trainees exceed the maximum of ${d.max}`,
}) {}

const received: unknown[] = [];

@Controller()
class ProbeController {
  @MessagePattern(rpcSubject(target('OpenProbe')))
  open(@Payload() data: unknown): unknown {
    const request = parseRpcRequest(data);
    received.push(request);
    const payload = request.payload as { trainees: number };
    if (payload.trainees > 50) throw new ClassTooLarge({ max: 50, actual: payload.trainees });
    const metadata = commandMetadataOf(request.envelope, new Date('2026-11-22T08:00:00+08:00'));
    return { accepted: payload.trainees, metadata };
  }

  @MessagePattern(rpcSubject(target('BreakProbe')))
  break(): never {
    throw new Error('database password is hunter2');
  }

  @MessagePattern(rpcSubject(target('GetSlowProbe', 'query')))
  async slow(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 800));
    return 'late';
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

let server: INestMicroservice | undefined;
let proxy: ClientProxy;
let client: RpcClient;

async function startServer(): Promise<void> {
  server = await NestFactory.createMicroservice(ProbeModule, {
    transport: Transport.NATS,
    options: { servers: [natsUrl()], queue: service },
    logger: false,
  });
  server.useGlobalFilters(new DomainErrorRpcFilter());
  await server.listen();
  // listening means subscribed on this connection, not yet known to the NATS server: a request sent
  // at once could find no responder (seen once in a full run); the flush's round trip settles it
  await server.unwrap<NatsConnection>().flush();
}

beforeAll(async () => {
  await startServer();
  proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [natsUrl()] } });
  await proxy.connect();
  client = new RpcClient(proxy, { defaultTimeoutMs: 3_000 });
});

afterAll(async () => {
  await proxy.close();
  await server?.close();
});

const envelope = (overrides: Partial<Envelope> = {}): Envelope => ({
  principal: { userId: 'officer-1', roles: ['county_officer'], jurisdiction: '140802' },
  correlationId: randomUUID(),
  commandId: randomUUID(),
  sentAt: '2026-11-22T08:00:00+08:00',
  ...overrides,
});

it('answers a command with the service reply, the envelope becoming the command metadata', async () => {
  const request: RpcRequest = { envelope: envelope(), payload: { trainees: 30 } };
  const reply = await client.send<{ accepted: number; metadata: unknown }>(target('OpenProbe'), request);
  expect(reply).toEqual({
    accepted: 30,
    metadata: {
      commandId: request.envelope.commandId,
      actor: { userId: 'officer-1', roles: ['county_officer'] },
      jurisdiction: '140802',
      now: '2026-11-22T00:00:00.000Z',
      correlationId: request.envelope.correlationId,
    },
  });
});

it('a domain error thrown in the service reaches the caller with the same code, category, messages and details', async () => {
  const error = await client
    .send(target('OpenProbe'), { envelope: envelope(), payload: { trainees: 53 } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReceivedDomainError);
  expect((error as ReceivedDomainError).toJSON()).toEqual({
    code: 'CLASS.TOO_MANY_TRAINEES',
    category: 'illegal_state',
    message: '学员人数 53 超过上限 50',
    messageEn: '53 trainees exceed the maximum of 50',
    details: { max: 50, actual: 53 },
  });
});

it('a request with a bad envelope is refused by the service as a validation error naming the field', async () => {
  const before = received.length;
  const bad = {
    envelope: { ...envelope(), principal: { userId: 'x', roles: ['pirate'], jurisdiction: '1408' } },
    payload: {},
  };
  const error = await client.send(target('OpenProbe'), bad as RpcRequest).catch((e: unknown) => e);
  expect((error as ReceivedDomainError).toJSON()).toMatchObject({
    code: 'MESSAGING.INVALID_REQUEST',
    category: 'validation',
    details: { field: 'envelope.principal.roles', expected: 'a non-empty list of known roles' },
  });
  expect(received.length).toBe(before);
});

it('a failure that is not a domain error arrives as a RemoteServiceError without the internals', async () => {
  const error = await client
    .send(target('BreakProbe'), { envelope: envelope(), payload: {} })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RemoteServiceError);
  expect((error as RemoteServiceError).code).toBe('MESSAGING.REMOTE_FAILURE');
  expect(JSON.stringify((error as RemoteServiceError).remote)).not.toContain('hunter2');
});

it('an unknown subject answers at once with a clear timeout error, not a hang', async () => {
  const started = Date.now();
  const error = await client
    .send(target('NoSuchCommand'), { envelope: envelope(), payload: {} })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RpcTimeoutError);
  expect(error).toMatchObject({
    code: 'MESSAGING.REQUEST_TIMEOUT',
    subject: `jineng.cmd.${service}.NoSuchCommand`,
    reason: 'no_responders',
  });
  expect(Date.now() - started).toBeLessThan(3_000);
});

it('a reply later than the timeout is a timeout error naming the subject and the limit', async () => {
  const error = await client
    .send(target('GetSlowProbe', 'query'), { envelope: envelope(), payload: {} }, { timeoutMs: 300 })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RpcTimeoutError);
  expect((error as RpcTimeoutError).message).toBe(
    `no answer on jineng.qry.${service}.GetSlowProbe within 300 ms`,
  );
});

it('a stopped service gives a timeout error, and answers again once restarted', async () => {
  await server!.close();
  server = undefined;
  const error = await client
    .send(target('OpenProbe'), { envelope: envelope(), payload: { trainees: 1 } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RpcTimeoutError);
  expect((error as RpcTimeoutError).code).toBe('MESSAGING.REQUEST_TIMEOUT');

  await startServer();
  const reply = await client.send<{ accepted: number }>(target('OpenProbe'), {
    envelope: envelope(),
    payload: { trainees: 1 },
  });
  expect(reply.accepted).toBe(1);
});
