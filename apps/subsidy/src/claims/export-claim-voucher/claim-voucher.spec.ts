// The payment voucher: the claim's head as a finance officer files it, the basis line by line, and a
// total that is the computed amount exactly; read back from the .xlsx it writes.
import type { subsidyV1 } from '@jineng/contracts';
import readXlsxFile from 'read-excel-file/node';
import { claimVoucher, voucherFile } from './claim-voucher';

const line = (workerId: string, days: number, rate: number, amountFen: number): subsidyV1.BreakdownLine => ({
  workerId,
  rule: 'subsidies.perDayTraining',
  amountFen,
  days,
  ratePerDayFen: rate,
  baseFen: days * rate,
  share: '0.8',
  evidence: { classId: 'class-1', certificateId: `cert-${workerId}` },
  policyVersionId: 'yuncheng-2018',
  clause: ['每人每天150元', '取得证书后拨付80%'],
});

const view: subsidyV1.ClaimView = {
  summary: {
    claimId: 'claim-1',
    kind: 'training_per_day',
    tranche: 'certificate',
    classId: 'class-1',
    claimantId: 'inst-1',
    claimantKind: 'institution',
    jurisdictionCode: '140802',
    status: 'approved',
    requestedFen: 136_000,
    computedFen: 136_000,
    submittedOn: '2019-09-26',
    overdue: false,
  },
  fundSource: 'employment_subsidy_fund',
  approvedFen: 136_000,
  computation: {
    kind: 'training_per_day',
    tranche: 'certificate',
    totalFen: 136_000,
    // Yuncheng 12 days: 10 × 150 + 2 × 100 = 1 700 ¥, 80 % = 1 360 ¥
    lines: [line('w1', 10, 15_000, 120_000), line('w1', 2, 10_000, 16_000)],
    excluded: [],
    notes: [],
    overrides: [],
    policyVersionIds: ['yuncheng-2018'],
    workerIds: ['w1'],
  },
  reviews: [
    {
      stage: 'first',
      decision: 'approve',
      reason: '齐全',
      reviewedBy: 'officer-a',
      reviewedOn: '2019-09-30',
      overdue: false,
    },
    {
      stage: 'second',
      decision: 'approve',
      reason: '同意',
      reviewedBy: 'officer-b',
      reviewedOn: '2019-09-30',
      overdue: false,
    },
  ],
  noticeStartsOn: '2019-09-30',
  noticeEndsOn: '2019-10-09',
  objections: [],
  confirmedBy: [],
  payments: [],
  policyVersionIds: ['yuncheng-2018'],
};

it('heads the voucher with the claim, fund source, amounts and reviews; its lines add up to the computed amount', () => {
  const voucher = claimVoucher(view);
  const head = Object.fromEntries(voucher.head.map((h) => [h.en, h.value]));
  expect(head).toMatchObject({
    claim: 'claim-1',
    'fund source': 'employment_subsidy_fund',
    'computed (fen)': 136_000,
    'approved (fen)': 136_000,
    'first review': 'officer-a 2019-09-30',
    'second review': 'officer-b 2019-09-30',
    'public notice': '2019-09-30–2019-10-09',
  });
  expect(voucher.lines.map((l) => [l.days, l.ratePerDayFen, l.share, l.amountFen, l.certificateId])).toEqual([
    [10, 15_000, '0.8', 120_000, 'cert-w1'],
    [2, 10_000, '0.8', 16_000, 'cert-w1'],
  ]);
  expect(voucher.totalFen).toBe(view.summary.computedFen);
});

it('writes an .xlsx: the head, the column titles in Chinese and English, the lines and the total row', async () => {
  const file = voucherFile(claimVoucher(view), 'claim-1', 'xlsx');
  expect(file.fileName).toBe('拨付凭证-claim-1.xlsx');
  const chunks: Buffer[] = [];
  for await (const chunk of file.bytes) chunks.push(Buffer.from(chunk));
  const [sheet] = await readXlsxFile(Buffer.concat(chunks));
  const rows = sheet.data;
  expect(rows[0].slice(0, 2)).toEqual(['补贴拨付凭证', 'Subsidy payment voucher']);
  expect(rows.find((r) => r[0] === '核准拨付金额（分） approved (fen)')?.[1]).toBe(136_000);
  const titles = rows.findIndex((r) => r[0] === 'trainee');
  expect(rows[titles - 1][0]).toBe('学员编号');
  const amount = rows[titles].indexOf('amount (fen)');
  expect(rows.slice(titles + 1).map((r) => [r[0], r[amount]])).toEqual([
    ['w1', 120_000],
    ['w1', 16_000],
    ['合计 Total', 136_000],
  ]);
});
