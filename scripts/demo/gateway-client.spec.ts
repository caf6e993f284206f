import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayClient, pollDelayMs, until } from './gateway-client';

describe('the demo client waits as the gateway says', () => {
  let server: Server;
  let url: string;
  /** what the server answers next (429s first, then 200), and the keys of what it was sent */
  let refusals: number;
  let keys: (string | undefined)[];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      keys.push(req.headers['idempotency-key'] as string | undefined);
      req.resume();
      req.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
          res.end(JSON.stringify({ code: 'GATEWAY.RATE_LIMITED' }));
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    refusals = 0;
    keys = [];
  });

  it('a 429 is waited out for its Retry-After, then the same request is sent again', async () => {
    refusals = 1;
    const client = new GatewayClient(url, 'spec');
    const sent = Date.now();
    const answer = await client.call(undefined, 'POST', '/api/v1/anything', { a: 1 }, 'the step');
    expect(answer.status).toBe(200);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(1_000);
    expect(client.rateLimited).toBe(1);
    // the same command twice: the gateway answers the second as the first would have been
    expect(keys).toEqual([client.id('the step'), client.id('the step')]);
  });

  it('an answer that is not a 429 is returned as it came', async () => {
    const client = new GatewayClient(url, 'spec');
    expect((await client.call(undefined, 'GET', '/api/v1/anything')).body).toEqual({ ok: true });
    expect(client.rateLimited).toBe(0);
    expect(keys).toEqual([undefined]);
  });
});

describe('until', () => {
  it('waits 250 ms at first, half as long again each try, never more than a second', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(pollDelayMs)).toEqual([250, 375, 563, 844, 1000, 1000, 1000]);
  });

  it('returns what the probe returned once it stops throwing, and names what did not happen in time', async () => {
    let tries = 0;
    await expect(
      until('three tries', async () => {
        tries += 1;
        if (tries < 3) throw new Error('not yet');
        return tries;
      }),
    ).resolves.toBe(3);
    await expect(
      until(
        'never',
        async () => {
          throw new Error('still not');
        },
        300,
      ),
    ).rejects.toThrow('never: not within 300 ms: still not');
  });
});
