// The whole gateway for the gateway-signing benchmark's `http` handler, in a process of its own (forked
// by bench/gateway-signing/gateway-signing.bench.ts): the real Nest gateway app (createGatewayApp: HTTP parsing, token
// check against the development issuer's JWKS, authorization, validation, rate limits, the RpcClient)
// with two routes, `/api/v1/bench/signed/:workerId` and `/api/v1/bench/unsigned/:workerId`, to the two
// bench services. The gateway MACs every envelope; for the unsigned route this process — and only
// this benchmark process — swaps the signer's `sign` for the identity, so that route runs the gateway
// as it was before issue #9 and everything else about the two routes is the same.
import 'reflect-metadata';
import { EnvelopeSigner, type RpcRequest } from '@jineng/messaging';
import { createGatewayApp } from '../gateway-app';
import { gatewayConfigFromEnv } from '../config/gateway-config';
import type { RouteDefinition } from '../routing/route-definition';
import { JsonLogger } from '@jineng/observability';

const UNSIGNED_SERVICE = 'benchsigningunsigned';
const sign = EnvelopeSigner.prototype.sign;
EnvelopeSigner.prototype.sign = function <P>(this: EnvelopeSigner, subject: string, request: RpcRequest<P>) {
  return subject.startsWith(`jineng.qry.${UNSIGNED_SERVICE}.`)
    ? request
    : (sign.call(this, subject, request) as RpcRequest<P>);
};

const LOOKUP = {
  name: 'BenchLookupRequest',
  schema: {
    type: 'object',
    properties: { workerId: { type: 'string', format: 'uuid' } },
    required: ['workerId'],
    additionalProperties: false,
  },
} as const;

const route = (mode: 'signed' | 'unsigned'): RouteDefinition => ({
  method: 'GET',
  path: `/api/v1/bench/${mode}/:workerId`,
  summary: { zh: '基准查询', en: 'Bench lookup' },
  roles: ['county_officer'],
  request: LOOKUP,
  target: { kind: 'query', service: `benchsigning${mode}`, name: 'Lookup' },
});

async function main() {
  const app = await createGatewayApp({
    config: gatewayConfigFromEnv(process.env),
    routes: [route('signed'), route('unsigned')],
    logger: new JsonLogger({ service: 'gateway', level: 'error' }),
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.send?.({ port });
  process.on('message', (message) => {
    if (message === 'stop') void app.close().then(() => process.exit(0));
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
