// The payload a route's contract describes, assembled from the three places a client can put
// values: path parameters, query parameters and the JSON body. Path and query values arrive as text;
// where the contract says integer, number or boolean they are converted, so `?page=2` satisfies an
// integer `page`. The same key in two places with different values is a violation, not a guess.
import type { Violation } from '../errors/gateway-error';
import type { RequestSources } from './authorize';
import type { JsonSchema } from './route-definition';

export type AssembledPayload =
  | { readonly ok: true; readonly payload: Record<string, unknown>; readonly sources: RequestSources }
  | { readonly ok: false; readonly violations: readonly Violation[] };

export interface RawRequestParts {
  /** as matched, still URL-encoded */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** the parsed JSON body, undefined when there was none */
  readonly body: unknown;
}

const WHERE: Readonly<Record<'path' | 'query', readonly [string, string]>> = {
  path: ['路径参数', 'path parameter'],
  query: ['查询参数', 'query parameter'],
};

/** `schema`: the contract's JSON Schema, for the conversions; none for routes without a contract. */
export function assemblePayload(parts: RawRequestParts, schema: JsonSchema | undefined): AssembledPayload {
  const violations: Violation[] = [];
  const propertyOf = (name: string): JsonSchema | undefined => {
    const properties = schema?.properties;
    return properties && Object.hasOwn(properties, name) ? properties[name] : undefined;
  };

  const path: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(parts.params)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      violations.push({
        path: name,
        reason: '路径参数的 URL 编码无效',
        reasonEn: 'is not valid URL encoding',
      });
      continue;
    }
    path[name] = coerce(decoded, propertyOf(name));
  }

  const query: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of new Set(parts.query.keys())) {
    const values = parts.query.getAll(name);
    const property = propertyOf(name);
    if (typeOf(property).includes('array')) {
      query[name] = values.map((value) => coerce(value, property?.items));
    } else if (values.length > 1) {
      violations.push({
        path: name,
        reason: '查询参数只能出现一次',
        reasonEn: 'may appear only once in the query',
      });
    } else {
      query[name] = coerce(values[0] as string, property);
    }
  }

  const body = parts.body;
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    violations.push({ path: '', reason: '请求体应为 JSON 对象', reasonEn: 'the body must be a JSON object' });
  }
  const payload: Record<string, unknown> =
    violations.length === 0 && body !== undefined ? { ...(body as object) } : {};
  for (const [where, values] of [
    ['query', query],
    ['path', path],
  ] as const) {
    for (const [name, value] of Object.entries(values)) {
      if (Object.hasOwn(payload, name) && JSON.stringify(payload[name]) !== JSON.stringify(value)) {
        const [zh, en] = WHERE[where];
        violations.push({
          path: name,
          reason: `${zh}与请求体中的值不一致`,
          reasonEn: `the ${en} and the body disagree`,
        });
      }
      // defined, not assigned: a query key such as `__proto__` stays a plain (and rejected) field
      Object.defineProperty(payload, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, payload, sources: { path, query, body } };
}

function typeOf(schema: JsonSchema | undefined): readonly string[] {
  const type: unknown = schema?.type;
  return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
}

const INTEGER = /^-?(0|[1-9]\d*)$/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** Text to what the schema expects, when the text says exactly that; otherwise the text, for the contract to reject. */
function coerce(text: string, schema: JsonSchema | undefined): unknown {
  const types = typeOf(schema);
  if (types.includes('string')) return text;
  if (types.includes('integer') && INTEGER.test(text) && Number.isSafeInteger(Number(text)))
    return Number(text);
  if (types.includes('number') && NUMBER.test(text)) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
