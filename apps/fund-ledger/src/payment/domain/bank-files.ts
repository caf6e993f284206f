// The bank files (pure): the payment file the ledger writes and the statement it reads.
//
// Payment file (UTF-8 CSV, `\n` line ends, one header line, comma-separated, no quoting needed — no
// field can hold a comma):
//   reference,payment_id,claim_id,payee_kind,payee_id,jurisdiction_code,fund_source,amount_fen,amount_yuan
//   reference      JN + the payment id's 32 hex digits: unique per line, echoed by the bank
//   amount_fen     integer fen; amount_yuan the same with two decimals, for the bank's clerk
//
// Statement file (UTF-8 CSV, one header line):
//   reference,amount_fen,value_date,status,reason
//   status         paid | failed | returned; reason free text (no comma) for failed / returned
import { isIsoDate, Money } from '@jineng/kernel';

export const PAYMENT_FILE_HEADER =
  'reference,payment_id,claim_id,payee_kind,payee_id,jurisdiction_code,fund_source,amount_fen,amount_yuan,account_name,account_number,bank_code';
export const STATEMENT_HEADER = 'reference,amount_fen,value_date,status,reason';

export interface PaymentFileLine {
  readonly reference: string;
  readonly paymentId: string;
  readonly claimId: string;
  readonly payeeKind: string;
  readonly payeeId: string;
  readonly jurisdictionCode: string;
  readonly fundSource: string;
  readonly amountFen: number;
  /** the payee's bank account, opened from its sealed box as the file is written (ADR 0012) */
  readonly accountName: string;
  readonly accountNumber: string;
  readonly bankCode: string;
}

export const yuanOf = (fen: number): string => Money.fen(fen).toDecimalString();

export function paymentFileRow(line: PaymentFileLine): string {
  return [
    line.reference,
    line.paymentId,
    line.claimId,
    line.payeeKind,
    line.payeeId,
    line.jurisdictionCode,
    line.fundSource,
    String(line.amountFen),
    yuanOf(line.amountFen),
    line.accountName,
    line.accountNumber,
    line.bankCode,
  ].join(',');
}

export type BankStatus = 'paid' | 'failed' | 'returned';

export interface StatementLine {
  readonly lineNo: number;
  readonly reference: string;
  readonly amountFen: number;
  readonly valueDate: string;
  readonly status: BankStatus;
  readonly reason: string;
}

export type ParsedStatementLine =
  | { readonly ok: true; readonly line: StatementLine }
  | { readonly ok: false; readonly lineNo: number; readonly problem: string };

const REFERENCE = /^[A-Za-z0-9_-]{1,64}$/;

/** One statement line (after the header); its number counts from 1 for the first data line. */
export function parseStatementLine(text: string, lineNo: number): ParsedStatementLine {
  const [reference = '', amount = '', valueDate = '', status = '', reason = '', ...extra] = text.split(',');
  if (extra.length > 0) return { ok: false, lineNo, problem: 'more than 5 fields' };
  if (!REFERENCE.test(reference)) return { ok: false, lineNo, problem: 'reference' };
  if (!/^[1-9]\d{0,14}$/.test(amount)) return { ok: false, lineNo, problem: 'amount_fen' };
  if (!isIsoDate(valueDate)) return { ok: false, lineNo, problem: 'value_date' };
  if (status !== 'paid' && status !== 'failed' && status !== 'returned')
    return { ok: false, lineNo, problem: 'status' };
  return {
    ok: true,
    line: { lineNo, reference, amountFen: Number(amount), valueDate, status, reason: reason.trim() },
  };
}

/** Lines of a byte stream (UTF-8), without their line ends; a final line without one included. */
export async function* linesOf(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  for await (const chunk of bytes) {
    const text = pending + decoder.decode(chunk, { stream: true });
    // walk the chunk's lines by index: the rest is cut off once per chunk, not once per line
    let from = 0;
    let at: number;
    while ((at = text.indexOf('\n', from)) >= 0) {
      const end = at > from && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
      yield text.slice(from, end);
      from = at + 1;
    }
    pending = text.slice(from);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}

/** A jurisdiction's codes start with this: 530302 → 530302, 530300 → 5303, 530000 → 53. */
export const jurisdictionPrefix = (code: string): string => code.replace(/(00)+$/, '');
