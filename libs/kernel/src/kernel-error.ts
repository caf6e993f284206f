import type { Reason } from './result';

/**
 * Thrown for misuse of a kernel value (a float amount, a malformed date, a date the calendar cannot
 * answer for). It is itself a `Reason`, so a caller can map it like any rejection.
 */
export class KernelError extends Error implements Reason {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = new.target.name;
  }
}

/** Quote untrusted input in a message without letting a huge string through. */
export const quote = (input: unknown): string => JSON.stringify(String(input).slice(0, 40));
