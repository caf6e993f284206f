// The CLI's client against a real HTTP server standing in for the gateway's rate limit: a 429 is waited
// out as its Retry-After says and asked again, and a limit that outlasts the patience is reported.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayClient, GatewayError } from './gateway-client';

let server: Server;
let base: string;
/** the answers still to give, in order; after them, 200 */
let answers: { status: number; retryAfter?: string }[] = [];
let asked: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(Date.now());
    const next = answers.shift();
    if (next) {
      res.writeHead(next.status, {
        'Content-Type': 'application/json',
        ...(next.retryAfter ? { 'Retry-After': next.retryAfter } : {}),
      });
      res.end(
        JSON.stringify({
          code: 'GATEWAY.RATE_LIMITED',
          message: '请求过于频繁',
          messageEn: 'too many requests',
        }),
      );
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, authorization: req.headers.authorization }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  answers = [];
  asked = [];
});

it('waits out two 429s as Retry-After says, telling the user, then answers', async () => {
  answers = [
    { status: 429, retryAfter: '1' },
    { status: 429, retryAfter: '1' },
  ];
  const notices: string[] = [];
  const gateway = await GatewayClient.signIn(base, { token: 't0' }, { notice: (text) => notices.push(text) });
  const answer = await gateway.get<{ path: string; authorization: string }>('/api/v1/audit/x', { page: 2 });
  expect(answer).toEqual({ path: '/api/v1/audit/x?page=2', authorization: 'Bearer t0' });
  expect(asked).toHaveLength(3);
  expect(asked[1] - asked[0]).toBeGreaterThanOrEqual(950);
  expect(asked[2] - asked[1]).toBeGreaterThanOrEqual(950);
  expect(notices).toHaveLength(2);
  expect(notices[0]).toContain('rate limited by the gateway (HTTP 429): asking again in 1 s');
  expect(notices[0]).toContain('网关限流');
});

it('gives up with the 429 itself when the wait would outlast its patience', async () => {
  answers = [{ status: 429, retryAfter: '30' }];
  const gateway = await GatewayClient.signIn(base, { token: 't0' }, { patienceMs: 5_000 });
  const refused = await gateway.get('/api/v1/audit/x').catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(GatewayError);
  expect(refused).toMatchObject({ status: 429, code: 'GATEWAY.RATE_LIMITED' });
  expect(asked).toHaveLength(1);
});

it('answers other refusals at once, without waiting', async () => {
  answers = [{ status: 403, retryAfter: '1' }];
  const started = Date.now();
  const gateway = await GatewayClient.signIn(base, { token: 't0' });
  await expect(gateway.get('/api/v1/audit/x')).rejects.toMatchObject({ status: 403 });
  expect(Date.now() - started).toBeLessThan(900);
  expect(asked).toHaveLength(1);
});
