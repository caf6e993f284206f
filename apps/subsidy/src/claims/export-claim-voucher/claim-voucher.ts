// The payment voucher of an approved claim (拨付凭证): what a finance officer files with the payment —
// the claim, claimant, fund source, the computed and approved amounts, the reviews, the notice, the
// payments so far, then the basis of the amount line by line (who, which rule, days × rate, share,
// evidence, policy version and clause) and their total, which is the computed amount exactly. Trainees
// by their registry ids only: no name, no ID number. Pure: the file writers take what this answers.
import type { subsidyV1 } from '@jineng/contracts';
import {
  EXPORT_CONTENT_TYPES,
  xlsxStream,
  type Cell,
  type ExportFormat,
  type ExportedFile,
} from '@jineng/lists';

/** The statuses in which a claim has been approved for payment: a voucher exists from then on. */
export const VOUCHER_STATUSES = ['approved', 'paid', 'payment_failed'];

const t = (zh: string, en: string) => ({ zh, en });

export const VOUCHER_COLUMNS = {
  workerId: t('学员编号', 'trainee'),
  rule: t('规则', 'rule'),
  days: t('天数', 'days'),
  ratePerDayFen: t('日标准（分）', 'rate per day (fen)'),
  months: t('月数', 'months'),
  baseFen: t('基数（分）', 'base (fen)'),
  share: t('比例', 'share'),
  headcountShare: t('人数折算', 'headcount share'),
  amountFen: t('金额（分）', 'amount (fen)'),
  classId: t('班级', 'class'),
  certificateId: t('证书', 'certificate'),
  employmentId: t('就业记录', 'employment'),
  reference: t('凭据', 'reference'),
  policyVersionId: t('政策版本', 'policy version'),
  clause: t('政策条款', 'clause'),
} as const;

type ColumnKey = keyof typeof VOUCHER_COLUMNS;

export interface ClaimVoucher {
  /** the head: title, value — in order */
  readonly head: readonly { readonly zh: string; readonly en: string; readonly value: Cell }[];
  readonly lines: readonly Record<ColumnKey, Cell>[];
  readonly totalFen: number;
}

export function claimVoucher(view: subsidyV1.ClaimView): ClaimVoucher {
  const s = view.summary;
  const review = (stage: 'first' | 'second') => {
    const r = view.reviews.find((x) => x.stage === stage && x.decision === 'approve');
    return r ? `${r.reviewedBy} ${r.reviewedOn}` : null;
  };
  const head = [
    { ...t('申领编号', 'claim'), value: s.claimId },
    { ...t('状态', 'status'), value: s.status },
    { ...t('补贴类型', 'kind'), value: s.kind },
    { ...t('批次', 'tranche'), value: s.tranche },
    { ...t('班级', 'class'), value: s.classId ?? null },
    { ...t('申领方类型', 'claimant kind'), value: s.claimantKind },
    { ...t('申领方', 'claimant'), value: s.claimantId },
    { ...t('辖区', 'jurisdiction'), value: s.jurisdictionCode },
    { ...t('资金来源', 'fund source'), value: view.fundSource },
    { ...t('申请金额（分）', 'requested (fen)'), value: s.requestedFen },
    { ...t('核算金额（分）', 'computed (fen)'), value: s.computedFen },
    { ...t('核准拨付金额（分）', 'approved (fen)'), value: view.approvedFen ?? null },
    { ...t('申领日期', 'submitted on'), value: s.submittedOn },
    { ...t('初审', 'first review'), value: review('first') },
    { ...t('复核', 'second review'), value: review('second') },
    {
      ...t('公示期', 'public notice'),
      value: view.noticeStartsOn ? `${view.noticeStartsOn}–${view.noticeEndsOn ?? ''}` : null,
    },
    { ...t('异议', 'objections'), value: view.objections.length },
    { ...t('政策版本', 'policy versions'), value: view.policyVersionIds.join('、') },
    {
      ...t('拨付记录', 'payments'),
      value: view.payments
        .map((p) => `${p.outcome} ${p.paymentId ?? ''} ${p.amountFen ?? ''}`.trim())
        .join('；'),
    },
  ];
  const lines = view.computation.lines.map((l) => ({
    workerId: l.workerId ?? null,
    rule: l.rule,
    days: l.days ?? null,
    ratePerDayFen: l.ratePerDayFen ?? null,
    months: l.months ?? null,
    baseFen: l.baseFen ?? null,
    share: l.share ?? null,
    headcountShare: l.headcountShare ?? null,
    amountFen: l.amountFen,
    classId: l.evidence.classId ?? null,
    certificateId: l.evidence.certificateId ?? null,
    employmentId: l.evidence.employmentId ?? null,
    reference: l.evidence.reference ?? null,
    policyVersionId: l.policyVersionId,
    clause: l.clause.join('；'),
  }));
  return { head, lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0) };
}

/** `拨付凭证-<claimId>.xlsx|json` */
export function voucherFile(voucher: ClaimVoucher, claimId: string, format: ExportFormat): ExportedFile {
  const fileName = `拨付凭证-${claimId}.${format}`;
  const keys = Object.keys(VOUCHER_COLUMNS) as ColumnKey[];
  if (format === 'json') {
    const document = {
      voucher: voucher.head.map(({ zh, en, value }) => ({ zh, en, value })),
      columns: keys.map((key) => ({ key, ...VOUCHER_COLUMNS[key] })),
      lines: voucher.lines,
      totalFen: voucher.totalFen,
    };
    return {
      fileName,
      contentType: EXPORT_CONTENT_TYPES.json,
      bytes: (async function* () {
        yield new TextEncoder().encode(JSON.stringify(document));
      })(),
    };
  }
  const total: Cell[] = keys.map((key) =>
    key === 'workerId' ? '合计 Total' : key === 'amountFen' ? voucher.totalFen : null,
  );
  return {
    fileName,
    contentType: EXPORT_CONTENT_TYPES.xlsx,
    bytes: xlsxStream({
      name: '拨付凭证',
      headerRows: [
        ['补贴拨付凭证', 'Subsidy payment voucher'],
        ...voucher.head.map(({ zh, en, value }) => [`${zh} ${en}`, value]),
        [],
        keys.map((key) => VOUCHER_COLUMNS[key].zh),
        keys.map((key) => VOUCHER_COLUMNS[key].en),
      ],
      rows: (async function* () {
        yield [...voucher.lines.map((line) => keys.map((key) => line[key])), total];
      })(),
    }),
  };
}
