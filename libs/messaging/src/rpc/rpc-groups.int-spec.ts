// Requests sent together over a real NATS server, to a service behind the envelope guard (ADR 0024).
import { randomBytes, randomUUID } from 'node:crypto';
import { ReceivedDomainError, defineDomainError } from '@jineng/ddd';
import { natsUrl } from '@jineng/testing';
import { Controller, Logger, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ClientProxyFactory,
  MessagePattern,
  Payload,
  Transport,
  type ClientProxy,
} from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import type { Envelope, RpcRequest } from '../envelope';
import {
  gatewayKeysFromJwks,
  generateEnvelopeMacKeys,
  serviceKeysFromJwks,
} from '../signing/envelope-mac-keys';
import { EnvelopeSigner, EnvelopeVerifier } from '../signing/envelope-signature';
import { SignedEnvelopeGuard } from '../signing/signed-envelope.guard';
import { rpcSubject, type RpcTarget } from '../subjects';
import { RemoteServiceError } from './rpc-errors';
import { RpcClient } from './rpc-client';
import { DomainErrorRpcFilter } from './rpc-exception.filter';
import { answerEach, groupSubject } from './rpc-groups';
import { parseRpcRequest } from './rpc-request';

// a service name of this run's own, so parallel runs on the shared server never answer each other
const service = `group-probe-${randomBytes(3).toString('hex')}`;
const target: RpcTarget = { kind: 'command', service, name: 'CheckProbe' };
const subject = rpcSubject(target);
const keys = generateEnvelopeMacKeys([service]);

class TooLate extends defineDomainError<{ minute: number }>({
  code: 'PROBE.TOO_LATE',
  category: 'illegal_state',
  zh: (d) => `第 ${d.minute} 分钟已过签到时间`,
  en: (d) => `minute ${d.minute} is past the check-in window`,
}) {}

/** How the requests reached the service: sizes of the groups, and single requests. */
const arrivals: number[] = [];
/** What the client said it sent: subject and requests carried, per message. */
const sent: [string, number][] = [];

function check(data: unknown): { minute: number; by: string } {
  const request = parseRpcRequest<{ minute: number }>(data);
  const { minute } = request.payload;
  if (minute > 40) throw new TooLate({ minute });
  if (minute === 13) throw new Error('the database password is hunter2');
  return { minute, by: request.envelope.principal.userId };
}

@Controller()
class ProbeController {
  private readonly logger = new Logger('Rpc');

  @MessagePattern(subject)
  one(@Payload() data: unknown) {
    arrivals.push(1);
    return check(data);
  }

  @MessagePattern(groupSubject(subject))
  async group(@Payload() data: unknown) {
    arrivals.push((data as { payload: { requests: unknown[] } }).payload.requests.length);
    // slow enough that the next requests queue behind this group
    await new Promise((resolve) => setTimeout(resolve, 20));
    return answerEach(data, check, this.logger);
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

let server: INestMicroservice;
let proxy: ClientProxy;
let client: RpcClient;

beforeAll(async () => {
  server = await NestFactory.createMicroservice(ProbeModule, {
    transport: Transport.NATS,
    options: { servers: [natsUrl()], queue: service },
    logger: false,
  });
  server.useGlobalGuards(
    new SignedEnvelopeGuard(new EnvelopeVerifier(serviceKeysFromJwks(keys.services[service], service))),
  );
  server.useGlobalFilters(new DomainErrorRpcFilter());
  await server.listen();
  proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [natsUrl()] } });
  await proxy.connect();
  client = new RpcClient(proxy, {
    defaultTimeoutMs: 5_000,
    signer: new EnvelopeSigner(gatewayKeysFromJwks(keys.gateway)),
    groups: { inFlight: 1, maxRequests: 16 },
    onGroupSent: (sentOn, requests) => sent.push([sentOn, requests]),
  });
});

afterAll(async () => {
  await proxy.close();
  await server.close();
});

const envelope = (userId: string): Envelope => ({
  principal: { userId, roles: ['institution'], jurisdiction: '140802' },
  correlationId: randomUUID(),
  commandId: randomUUID(),
  sentAt: new Date().toISOString(),
});

it('concurrent requests reach the service in groups, and each caller gets its own answer or error', async () => {
  arrivals.length = 0;
  sent.length = 0;
  const minutes = Array.from({ length: 40 }, (_, i) => i + 5); // 5..44: 41–44 too late, 13 breaks
  const results = await Promise.all(
    minutes.map((minute) =>
      client.sendInGroup(target, { envelope: envelope(`device-${minute}`), payload: { minute } }).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
    ),
  );
  minutes.forEach((minute, i) => {
    const result = results[i];
    if (minute > 40) {
      expect('error' in result && result.error).toBeInstanceOf(ReceivedDomainError);
      expect((result as { error: ReceivedDomainError }).error.toJSON()).toMatchObject({
        code: 'PROBE.TOO_LATE',
        details: { minute },
      });
    } else if (minute === 13) {
      expect('error' in result && result.error).toBeInstanceOf(RemoteServiceError);
      expect(JSON.stringify(result)).not.toContain('hunter2');
    } else {
      // the answer is to this caller's own request, under its own principal
      expect(result).toEqual({ value: { minute, by: `device-${minute}` } });
    }
  });
  // the first went alone, the rest together, in groups of at most 16
  expect(arrivals[0]).toBe(1);
  expect(arrivals.reduce((a, b) => a + b, 0)).toBe(40);
  expect(Math.max(...arrivals)).toBeLessThanOrEqual(16);
  expect(arrivals.filter((size) => size > 1).length).toBeGreaterThan(0);
  // the client reports each message it sent, as the service received them
  expect(sent).toEqual(arrivals.map((size) => [subject, size]));
});

it('a lone request is sent as a single request, as send does', async () => {
  arrivals.length = 0;
  await expect(
    client.sendInGroup(target, { envelope: envelope('device-x'), payload: { minute: 7 } }),
  ).resolves.toEqual({ minute: 7, by: 'device-x' });
  expect(arrivals).toEqual([1]);
});

it('a group the gateway did not MAC is refused before any request of it is handled', async () => {
  arrivals.length = 0;
  const forged: RpcRequest = {
    envelope: envelope('intruder'),
    payload: { requests: [{ envelope: envelope('device-1'), payload: { minute: 6 } }] },
  };
  const error = await firstValueFrom(proxy.send(groupSubject(subject), forged)).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'MESSAGING.UNTRUSTED_REQUEST' });
  expect(arrivals).toEqual([]);
});

it('a request MACed alone is not accepted on the group subject (the MAC names its subject)', async () => {
  arrivals.length = 0;
  const signer = new EnvelopeSigner(gatewayKeysFromJwks(keys.gateway));
  const single = signer.sign(subject, { envelope: envelope('device-2'), payload: { minute: 8 } });
  const asGroup = { envelope: single.envelope, payload: { requests: [single] } };
  const error = await firstValueFrom(proxy.send(groupSubject(subject), asGroup)).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'MESSAGING.UNTRUSTED_REQUEST' });
  expect(arrivals).toEqual([]);
});
