// The JSON body, read by the dispatcher itself (Nest's body parser is off): only after the caller is
// authenticated and allowed on the route, only up to the limit, and with errors in the gateway's shape.
import type { IncomingMessage } from 'node:http';
import { GatewayErrors } from '../errors/gateway-error';

/** The parsed body; undefined when the request has none (or is a GET / DELETE). */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return undefined;
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked && (length === undefined || length === '0')) return undefined;
  if (length !== undefined && Number(length) > limitBytes) throw GatewayErrors.payloadTooLarge(limitBytes);

  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
    throw GatewayErrors.unsupportedMediaType(contentType);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw GatewayErrors.payloadTooLarge(limitBytes);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw GatewayErrors.malformedJson();
  }
}
