// The API's one error format (apps/gateway errors): a stable code, the message in Chinese and English,
// and where a field is at fault its path — in `violations` (contract validation) or `details.field`
// (a domain rule). The console shows the message in the chosen language next to that field.
import type { Lang } from '../i18n/dictionary';

export interface Violation {
  readonly path: string;
  readonly reason: string;
  readonly reasonEn: string;
}

export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly details?: Record<string, unknown>;
  readonly violations?: readonly Violation[];
  readonly correlationId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.messageEn);
    this.name = 'ApiError';
  }

  messageIn(lang: Lang): string {
    return lang === 'zh' ? this.body.message : this.body.messageEn;
  }
}

/** A form field's name as antd takes it: `teachers[0].idNumber` / `teachers.0.idNumber` → ['teachers', 0, 'idNumber']. */
export function fieldPath(path: string): (string | number)[] {
  return path
    .split(/[.[\]"]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface FieldError {
  readonly name: (string | number)[];
  readonly errors: string[];
}

/**
 * The errors of an answer, by field, in one language: every violation, and a domain rule's message on the
 * field it names. Several problems of one field are all kept. Errors naming no field are left to the caller.
 */
export function fieldErrorsOf(error: ApiError, lang: Lang): FieldError[] {
  const byField = new Map<string, FieldError>();
  const add = (path: string, message: string) => {
    if (path === '') return;
    const entry = byField.get(path) ?? { name: fieldPath(path), errors: [] };
    entry.errors.push(message);
    byField.set(path, entry);
  };
  for (const violation of error.body.violations ?? [])
    add(violation.path, lang === 'zh' ? violation.reason : violation.reasonEn);
  const field = error.body.details?.field;
  if (typeof field === 'string') add(field, error.messageIn(lang));
  return [...byField.values()];
}

/** Whether an error is fully shown at its fields (else the form shows it as a whole, too). */
export function isOnlyAboutFields(error: ApiError): boolean {
  const violations = error.body.violations ?? [];
  return (
    (violations.length > 0 && violations.every((v) => v.path !== '')) ||
    typeof error.body.details?.field === 'string'
  );
}
