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
  // idle connections closed by the client before the server's keep-alive timeout (Node's: 5 s) closes them
  const agent = new http.Agent({ keepAlive: true, maxSockets, timeout: 4_000 });
  // a kept-alive connection the server closed while idle fails the next request sent on it with
  // ECONNRESET before the server saw it: sent again once on a new connection (Node's documented
  // `reusedSocket` pattern). The requests of the benchmarks are idempotent (a device's check-in
  // carries its own event id), so a request the server did see is answered as the first time.
  const send = async (method: string, token: string, path: string, body?: unknown): Promise<JsonAnswer> => {
    try {
      return await sendOnce(method, token, path, body);
    } catch (error) {
      if ((error as { retryable?: boolean }).retryable) return sendOnce(method, token, path, body);
      throw error;
    }
  };
  const sendOnce = (method: string, token: string, path: string, body?: unknown) =>
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
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          request.reusedSocket && error.code === 'ECONNRESET'
            ? Object.assign(error, { retryable: true })
            : Object.assign(error, {
                message: `${method} ${path}: ${error.message} (${error.code ?? 'no code'}, ${request.reusedSocket ? 'a kept-alive connection' : 'a new connection'})`,
              }),
        ),
      );
      request.end(text);
    });
  return {
    post: (token: string, path: string, body: unknown) => send('POST', token, path, body),
    get: (token: string, path: string) => send('GET', token, path),
    close: () => agent.destroy(),
  };
}
