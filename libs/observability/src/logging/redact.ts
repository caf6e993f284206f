// Logs must not hold tokens or personal data (ARCHITECTURE §6). Code should not log them in the
// first place; this is the net under it: sensitive field names lose their values, and strings lose
// what looks like a bearer token, a JWT, a resident ID number or a mobile number.
const SENSITIVE_KEY =
  /authori[sz]ation|cookie|token|jwt|password|passwd|secret|private_?key|id_?number|id_?card|phone|mobile|bank_?account/i;

const SENSITIVE_TEXT: readonly RegExp[] = [
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, // a JWT: base64url JSON header "{"
  /(?<![0-9])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g, // 18-character resident ID number (GB 11643)
  /(?<![0-9])1[3-9]\d{9}(?![0-9])/g, // mainland mobile number
];

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  return SENSITIVE_TEXT.reduce((out, pattern) => out.replace(pattern, REDACTED), text);
}

/** A copy with sensitive values replaced; plain objects and arrays are walked, other objects kept. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      SENSITIVE_KEY.test(key) && v !== undefined ? REDACTED : redact(v, depth + 1),
    ]),
  );
}
