// A keep-alive JSON client for the benchmarks that drive the gateway over HTTP. Node's global `fetch`
// (undici) costs this machine ~0.5 ms of CPU a request — as much as the gateway itself — and the load
// generator shares the two cores with what it measures; node:http with a keep-alive agent costs a
// fraction of that. Devices and browsers are other machines: their cost is not the platform's.
import http from 'node:http';

export interface JsonAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function jsonClient(base: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const send = (method: string, token: string, path: string, body?: unknown) =>
    new Promise<JsonAnswer>((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        `${base}${path}`,
        {
          method,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(text === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: response.statusCode ?? 0, body: raw ? JSON.parse(raw) : undefined });
            } catch (error) {
              reject(new Error(`HTTP ${response.statusCode}: not JSON (${(error as Error).message})`));
            }
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(text);
    });
  return {
    post: (token: string, path: string, body: unknown) => send('POST', token, path, body),
    get: (token: string, path: string) => send('GET', token, path),
    close: () => agent.destroy(),
  };
}
