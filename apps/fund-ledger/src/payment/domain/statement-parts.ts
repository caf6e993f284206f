// A bank statement uploaded in parts (issue 14: "A 1 000 000-line statement is read as a stream with a
// progress figure, not loaded whole" — and sent in parts, since one request holds at most 900 000
// characters). Pure rules: a part is kept once (the same text again is the same answer; other text for a
// kept part is refused, so a resumed upload never mixes two files); a statement's parts belong to one
// jurisdiction; it is reconciled only when every part 1..n is there.
import { defineDomainError } from '@jineng/ddd';

export class StatementPartChanged extends defineDomainError<{ statementId: string; partNumber: number }>({
  code: 'STATEMENT.PART_CHANGED',
  category: 'illegal_state',
  zh: (d) => `对账单 ${d.statementId} 的第 ${d.partNumber} 部分已上传且内容不同，不予替换`,
  en: (d) =>
    `part ${d.partNumber} of statement ${d.statementId} was uploaded before with other content; not replaced`,
}) {}

export class StatementOfOtherJurisdiction extends defineDomainError<{
  statementId: string;
  jurisdictionCode: string;
  statementJurisdiction: string;
}>({
  code: 'STATEMENT.OTHER_JURISDICTION',
  category: 'illegal_state',
  zh: (d) => `对账单 ${d.statementId} 属于 ${d.statementJurisdiction}，不属于 ${d.jurisdictionCode}`,
  en: (d) => `statement ${d.statementId} belongs to ${d.statementJurisdiction}, not ${d.jurisdictionCode}`,
}) {}

export class StatementPartsMissing extends defineDomainError<{
  field: string;
  statementId: string;
  missing: readonly number[];
}>({
  code: 'STATEMENT.PARTS_MISSING',
  category: 'validation',
  zh: (d) => `对账单 ${d.statementId} 缺少第 ${d.missing.join('、')} 部分`,
  en: (d) => `statement ${d.statementId} lacks part(s) ${d.missing.join(', ')}`,
}) {}

export interface KeptPart {
  readonly partNumber: number;
  readonly jurisdictionCode: string;
  readonly digest: string;
}

/** What to do with an uploaded part: keep it, or answer the part already kept (the same text). */
export function partDecision(
  statementId: string,
  upload: KeptPart,
  kept: readonly KeptPart[],
): 'keep' | 'same' {
  const elsewhere = kept.find((p) => p.jurisdictionCode !== upload.jurisdictionCode);
  if (elsewhere)
    throw new StatementOfOtherJurisdiction({
      statementId,
      jurisdictionCode: upload.jurisdictionCode,
      statementJurisdiction: elsewhere.jurisdictionCode,
    });
  const before = kept.find((p) => p.partNumber === upload.partNumber);
  if (!before) return 'keep';
  if (before.digest !== upload.digest)
    throw new StatementPartChanged({ statementId, partNumber: upload.partNumber });
  return 'same';
}

/** The parts 1..partCount, in order, once every one is kept for the jurisdiction. */
export function partsToReconcile(
  statementId: string,
  jurisdictionCode: string,
  partCount: number,
  kept: readonly KeptPart[],
): number[] {
  const elsewhere = kept.find((p) => p.jurisdictionCode !== jurisdictionCode);
  if (elsewhere)
    throw new StatementOfOtherJurisdiction({
      statementId,
      jurisdictionCode,
      statementJurisdiction: elsewhere.jurisdictionCode,
    });
  const numbers = Array.from({ length: partCount }, (_, i) => i + 1);
  const missing = numbers.filter((n) => !kept.some((p) => p.partNumber === n));
  if (missing.length > 0) throw new StatementPartsMissing({ field: 'partCount', statementId, missing });
  return numbers;
}
