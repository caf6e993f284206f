/**
 * Why a value was rejected, in a form a caller can show or map: a stable code to branch on and the
 * same explanation in Chinese and English (ARCHITECTURE §5).
 */
export interface Reason<C extends string = string> {
  readonly code: C;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** The outcome of checking untrusted input: rejection is expected there, so it is a value, not a throw. */
export type Result<T, C extends string = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: Reason<C> };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

export const fail = <C extends string>(
  code: C,
  messageZh: string,
  messageEn: string,
): { readonly ok: false; readonly reason: Reason<C> } => ({
  ok: false,
  reason: { code, messageZh, messageEn },
});
