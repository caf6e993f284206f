// Domain errors (ARCHITECTURE §5): a stable code, a category that decides the HTTP status in one
// place, the failed rule's values as details, and a message in Chinese and in English. They cross
// NATS as JSON (`toJSON` / `domainErrorFromJson`), so a caller gets the same typed error back.
import { toJsonObject, type ReadonlyJsonObject } from './json';

export const DOMAIN_ERROR_CATEGORIES = [
  'validation',
  'not_found',
  'illegal_state',
  'forbidden',
  'concurrency',
  /** a size or count limit of the input (a file, its rows, what it expands to) */
  'too_large',
  /** too many requests or operations at once, from one caller or in total: retry later */
  'rate_limited',
] as const;
export type DomainErrorCategory = (typeof DOMAIN_ERROR_CATEGORIES)[number];

/** The rule's values, e.g. `{ max: 50, actual: 53 }`. */
export type DomainErrorDetails = ReadonlyJsonObject;

export interface DomainErrorJson {
  readonly code: string;
  readonly category: DomainErrorCategory;
  /** Chinese, the product's language */
  readonly message: string;
  readonly messageEn: string;
  readonly details: DomainErrorDetails;
}

const HTTP_STATUS: Readonly<Record<DomainErrorCategory, number>> = {
  validation: 400,
  not_found: 404,
  illegal_state: 409,
  forbidden: 403,
  concurrency: 409,
  too_large: 413,
  rate_limited: 429,
};

export function httpStatusOf(category: DomainErrorCategory): number {
  return HTTP_STATUS[category];
}

export abstract class DomainError<Details extends DomainErrorDetails = DomainErrorDetails> extends Error {
  readonly code: string;
  readonly category: DomainErrorCategory;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: Details;

  protected constructor(
    fields: {
      code: string;
      category: DomainErrorCategory;
      messageZh: string;
      messageEn: string;
      details: Details;
    },
    options?: { cause?: unknown },
  ) {
    super(fields.messageEn, options);
    this.name = new.target.name;
    this.code = fields.code;
    this.category = fields.category;
    this.messageZh = fields.messageZh;
    this.messageEn = fields.messageEn;
    // a copy as plain JSON: details must survive the trip across NATS unchanged
    this.details = Object.freeze(toJsonObject(fields.details, 'details')) as unknown as Details;
  }

  toJSON(): DomainErrorJson {
    return {
      code: this.code,
      category: this.category,
      message: this.messageZh,
      messageEn: this.messageEn,
      details: this.details,
    };
  }
}

export interface DomainErrorSpec<Details extends DomainErrorDetails> {
  readonly code: string;
  readonly category: DomainErrorCategory;
  readonly zh: (details: Details) => string;
  readonly en: (details: Details) => string;
}

/** What `defineDomainError` returns: a concrete class that also tells its code and category. */
export interface DomainErrorClass<Details extends DomainErrorDetails> {
  new (details: Details, options?: { cause?: unknown }): DomainError<Details>;
  readonly code: string;
  readonly category: DomainErrorCategory;
}

/**
 * One-liner error classes for services:
 *
 *   export class TooManyTrainees extends defineDomainError<{ max: number; actual: number }>({
 *     code: 'CLASS.TOO_MANY_TRAINEES', category: 'illegal_state',
 *     zh: (d) => `学员人数 ${d.actual} 超过上限 ${d.max}`, en: (d) => `${d.actual} trainees exceed the maximum of ${d.max}`,
 *   }) {}
 */
export function defineDomainError<Details extends DomainErrorDetails = Record<string, never>>(
  spec: DomainErrorSpec<Details>,
): DomainErrorClass<Details> {
  if (!/^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)+$/.test(spec.code)) {
    throw new TypeError(`domain error code '${spec.code}' must look like 'AREA.RULE_NAME'`);
  }
  if (!DOMAIN_ERROR_CATEGORIES.includes(spec.category)) {
    throw new TypeError(`domain error '${spec.code}': unknown category '${String(spec.category)}'`);
  }
  const Defined = class extends DomainError<Details> {
    static readonly code = spec.code;
    static readonly category = spec.category;
    constructor(details: Details, options?: { cause?: unknown }) {
      super(
        {
          code: spec.code,
          category: spec.category,
          messageZh: spec.zh(details),
          messageEn: spec.en(details),
          details,
        },
        options,
      );
    }
  };
  // a subclass (`class TooManyTrainees extends ...`) names itself; a bare use is named after its code
  Object.defineProperty(Defined, 'name', { value: `DomainError[${spec.code}]` });
  return Defined;
}

/** An error rebuilt from its JSON form, e.g. after it came back over NATS request/reply. */
export class ReceivedDomainError extends DomainError {
  constructor(json: DomainErrorJson) {
    super({
      code: json.code,
      category: json.category,
      messageZh: json.message,
      messageEn: json.messageEn,
      details: json.details,
    });
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

export function isDomainErrorJson(value: unknown): value is DomainErrorJson {
  if (typeof value !== 'object' || value === null) return false;
  const json = value as Record<string, unknown>;
  return (
    typeof json.code === 'string' &&
    json.code !== '' &&
    DOMAIN_ERROR_CATEGORIES.includes(json.category as DomainErrorCategory) &&
    typeof json.message === 'string' &&
    typeof json.messageEn === 'string' &&
    typeof json.details === 'object' &&
    json.details !== null &&
    !Array.isArray(json.details)
  );
}

/** The same code, category, messages and details, as a `ReceivedDomainError`. */
export function domainErrorFromJson(json: unknown): ReceivedDomainError {
  if (!isDomainErrorJson(json)) throw new TypeError(`not a domain error: ${safeStringify(json)}`);
  return new ReceivedDomainError(json);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
