/**
 * Signed envelopes (issue #9): what signing costs the gateway and verifying costs a service, for one
 * typical command — a RegisterWorker request (~500 bytes of payload) from a county officer. Run:
 * `npm run bench:envelope` (BENCH_ENVELOPE_ITERATIONS, default 20 000). CPU only: no PostgreSQL, no
 * NATS. Progress goes to stderr; the last line on stdout is one JSON object.
 *
 * `sign` is EnvelopeSigner.sign (envelope and payload copied in canonical key order, payload digest,
 * HMAC-SHA256 with the registry's key); `verify` is EnvelopeVerifier.verify as the services' guard
 * runs it (shape check, HMAC over the envelope as received, subject, times, payload digest recomputed
 * from the payload as received, i.e. after JSON parsing).
 */
import { randomUUID } from 'node:crypto';
import {
  EnvelopeSigner,
  EnvelopeVerifier,
  gatewayKeysFromJwks,
  generateEnvelopeMacKeys,
  serviceKeysFromJwks,
  type RpcRequest,
} from '@jineng/messaging';

const iterations = Number(process.env.BENCH_ENVELOPE_ITERATIONS ?? 20_000);
const log = (message: string) => process.stderr.write(`${message}\n`);

const SUBJECT = 'jineng.cmd.registry.RegisterWorker';
const request: RpcRequest = {
  envelope: {
    principal: {
      userId: '0b6e1f2a-0004-4a00-8000-000000000004',
      roles: ['county_officer'],
      jurisdiction: '140802',
    },
    correlationId: randomUUID(),
    commandId: randomUUID(),
    sentAt: new Date().toISOString(),
  },
  payload: {
    idNumber: '140802199305170023',
    name: '王小红',
    gender: 'female',
    birthDate: '1993-05-17',
    jurisdiction: '140802',
    hukouJurisdiction: '140821',
    residenceJurisdiction: '140802',
    phone: '13912345678',
    education: 'junior_secondary',
    category: 'rural_labour',
    keyGroups: ['migrant_worker', 'registered_poor'],
    ableToWork: true,
    willingToWork: true,
  },
};

/** Per-operation times in µs, after a warm-up of a tenth as many. */
function timed(op: () => void): number[] {
  for (let i = 0; i < Math.max(100, iterations / 10); i++) op();
  const times = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    op();
    times[i] = Number(process.hrtime.bigint() - started) / 1_000;
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const round = (us: number) => Math.round(us * 10) / 10;

function main(): void {
  const keys = generateEnvelopeMacKeys(['registry']);
  const signer = new EnvelopeSigner(gatewayKeysFromJwks(keys.gateway));
  const verifier = new EnvelopeVerifier(serviceKeysFromJwks(keys.services.registry, 'registry'));
  const signed = signer.sign(SUBJECT, request);
  const wire = JSON.stringify(signed);
  log(`envelope + payload on the wire: ${Buffer.byteLength(wire)} bytes; ${iterations} iterations each`);

  const sign = timed(() => signer.sign(SUBJECT, request));
  // what a service receives is parsed JSON: verify that, not the signer's own object
  const received = JSON.parse(wire) as unknown;
  const verify = timed(() => verifier.verify(SUBJECT, received));
  const both = timed(() =>
    verifier.verify(SUBJECT, JSON.parse(JSON.stringify(signer.sign(SUBJECT, request)))),
  );

  console.log(
    JSON.stringify({
      iterations,
      wireBytes: Buffer.byteLength(wire),
      signMeanUs: round(mean(sign)),
      signP50Us: round(percentile(sign, 50)),
      signP99Us: round(percentile(sign, 99)),
      verifyMeanUs: round(mean(verify)),
      verifyP50Us: round(percentile(verify, 50)),
      verifyP99Us: round(percentile(verify, 99)),
      signAndVerifyMeanUs: round(mean(both)),
      signAndVerifyP50Us: round(percentile(both, 50)),
    }),
  );
}

main();
