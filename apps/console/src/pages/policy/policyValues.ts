// Policy parameters arrive as a nested object; the console shows them one per line by their dotted name
// (the name the sources and the diff use). Amounts in fen (names ending in Fen) are shown as ¥.
import { formatFen } from '../../money';

export function flattenParameters(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return prefix ? [[prefix, value]] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    flattenParameters(inner, prefix ? `${prefix}.${key}` : key),
  );
}

export function showValue(parameter: string, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (
    /Fen$/.test(parameter) &&
    (typeof value === 'number' || typeof value === 'string') &&
    /^-?\d+$/.test(String(value))
  )
    return formatFen(String(value));
  if (typeof value === 'object')
    return JSON.stringify(value, (key, inner: unknown) =>
      /Fen$/.test(key) && typeof inner === 'number' ? formatFen(inner) : inner,
    );
  return String(value);
}
