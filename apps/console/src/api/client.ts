// Calls to the gateway on the same origin: the bearer token, an Idempotency-Key per command (so a retried
// submission is the same command), JSON in and out, errors as ApiError. Files are fetched with the token
// and handed to the browser as a download.
import { ApiError, type ApiErrorBody } from './errors';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, idempotencyKey?: string): Promise<T>;
  download(path: string, query?: Query): Promise<void>;
}

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: ApiErrorBody;
  try {
    body = (await response.json()) as ApiErrorBody;
  } catch {
    body = {
      code: `HTTP.${response.status}`,
      message: `服务器返回 ${response.status}`,
      messageEn: `HTTP ${response.status}`,
    };
  }
  return new ApiError(response.status, body);
}

export function createApiClient(token: () => string | undefined, onUnauthenticated: () => void): ApiClient {
  const headers = (extra: Record<string, string> = {}): Record<string, string> => {
    const bearer = token();
    return { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...extra };
  };
  const check = async (response: Response) => {
    if (response.ok) return response;
    if (response.status === 401) onUnauthenticated();
    throw await errorOf(response);
  };
  return {
    async get<T>(path: string, query?: Query) {
      const response = await check(await fetch(`${path}${queryString(query)}`, { headers: headers() }));
      return (await response.json()) as T;
    },
    async send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, idempotencyKey?: string) {
      const response = await check(
        await fetch(path, {
          method,
          headers: headers({
            'Content-Type': 'application/json',
            'Idempotency-Key': idempotencyKey ?? crypto.randomUUID(),
          }),
          body: JSON.stringify(body),
        }),
      );
      const text = await response.text();
      return (text ? JSON.parse(text) : {}) as T;
    },
    async download(path: string, query?: Query) {
      const response = await check(await fetch(`${path}${queryString(query)}`, { headers: headers() }));
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
      const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
      const name = encoded ? decodeURIComponent(encoded) : (plain ?? 'download');
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
