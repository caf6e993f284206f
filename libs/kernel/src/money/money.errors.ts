import { KernelError } from '../kernel-error';

export type MoneyErrorCode =
  | 'MONEY.NOT_SAFE_INTEGER'
  | 'MONEY.PARSE'
  | 'MONEY.OVERFLOW'
  | 'MONEY.INVALID_RATE'
  | 'MONEY.INVALID_ALLOCATION';

/** Misuse of Money: a non-integer or unsafe amount, an unparseable string, a bad rate or split. */
export class MoneyError extends KernelError {
  constructor(
    override readonly code: MoneyErrorCode,
    messageZh: string,
    messageEn: string,
  ) {
    super(code, messageZh, messageEn);
  }
}
