// The service side of the gateway-signing benchmark, in a process of its own (forked by
// gateway-signing.bench.ts): a Nest NATS microservice in a queue group, as createServiceApp sets one
// up, answering one query. With SIGNED=1 it installs the services' SignedEnvelopeGuard (every request
// verified before the handler); without, no guard — the only difference between the two processes.
// HANDLER=pg answers with one PostgreSQL round trip (a read-model lookup, a typical query);
// HANDLER=echo answers at once (the worst case for signing's share of the work).
import 'reflect-metadata';
import {
  DomainErrorRpcFilter,
  EnvelopeVerifier,
  serviceKeysFromJwks,
  SignedEnvelopeGuard,
  type RpcRequest,
} from '@jineng/messaging';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport, type NatsOptions } from '@nestjs/microservices';
import { Pool } from 'pg';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const SUBJECT = env('SUBJECT');
const pool =
  process.env.HANDLER === 'pg' ? new Pool({ connectionString: env('DATABASE_URL'), max: 8 }) : undefined;

@Controller()
class LookupController {
  @MessagePattern(SUBJECT)
  async lookup(@Payload() request: RpcRequest<{ workerId: string }>) {
    if (!pool) return { workerId: request.payload.workerId };
    const { rows } = await pool.query<{ id: string }>('select $1::text as id', [request.payload.workerId]);
    return { workerId: rows[0]!.id };
  }
}

@Module({ controllers: [LookupController] })
class BenchServiceModule {}

async function main() {
  const app = await NestFactory.createMicroservice<NatsOptions>(BenchServiceModule, {
    transport: Transport.NATS,
    options: { servers: env('NATS_URL').split(','), name: `bench-${SUBJECT}`, queue: SUBJECT },
    logger: false,
  });
  app.useGlobalFilters(new DomainErrorRpcFilter());
  if (process.env.SIGNED === '1')
    app.useGlobalGuards(
      new SignedEnvelopeGuard(
        new EnvelopeVerifier(serviceKeysFromJwks(JSON.parse(env('VERIFY_JWKS')), env('SERVICE'))),
      ),
    );
  await app.listen();
  process.send?.('ready');
  process.on('message', (message) => {
    if (message === 'stop')
      void app
        .close()
        .then(() => pool?.end())
        .then(() => process.exit(0));
    // CPU time so far (µs, user + system): the benchmark takes differences around each round
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
}

void main();
