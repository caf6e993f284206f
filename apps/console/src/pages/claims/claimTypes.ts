// What the subsidy service answers about claims (proto/jineng/subsidy/v1/claims.proto).
export const CLAIM_STATUSES = [
  'submitted',
  'first_reviewed',
  'second_reviewed',
  'on_notice',
  'approved',
  'rejected',
  'returned',
  'commitment_refused',
  'paid',
  'payment_failed',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_KINDS = [
  'training_per_day',
  'flat_per_person',
  'free_training',
  'skill_evaluation',
  'living_allowance',
  'apprenticeship',
  'work_based_training',
  'job_referral_award',
  'small_micro_new_hire',
] as const;
export const TRANCHES = ['whole', 'certificate', 'employment'] as const;

export interface ClaimSummary {
  claimId: string;
  kind: string;
  tranche: string;
  classId?: string;
  claimantId: string;
  claimantKind: string;
  jurisdictionCode: string;
  status: ClaimStatus;
  requestedFen: number;
  computedFen: number;
  submittedOn: string;
  dueOn?: string;
  overdue: boolean;
}

export interface ClaimText {
  zh: string;
  en: string;
}

export interface BreakdownLine {
  workerId?: string;
  rule: string;
  amountFen: number;
  days?: number;
  ratePerDayFen?: number;
  months?: number;
  baseFen?: number;
  share?: string;
  evidence: { classId?: string; certificateId?: string; employmentId?: string; reference?: string };
  policyVersionId: string;
  clause: string[];
  note?: ClaimText;
}

export interface ClaimView {
  summary: ClaimSummary;
  fundSource: string;
  approvedFen?: number;
  computation: {
    totalFen: number;
    lines: BreakdownLine[];
    excluded: { workerId: string; code: string; rule?: string; reason: ClaimText }[];
    notes: ClaimText[];
    headcountBasis?: {
      eligible: number;
      basis: number;
      openingDayHeadcount: number;
      averageInspectedHeadcount: number;
    };
  };
  difference?: {
    requestedFen: number;
    computedFen: number;
    differenceFen: number;
    claimantReason?: string;
    platformReasons: { workerId?: string; code: string; zh: string; en: string }[];
  };
  reviews: {
    stage: 'first' | 'second';
    decision: 'approve' | 'return' | 'reject';
    reason: string;
    reviewedBy: string;
    reviewedOn: string;
    dueOn?: string;
    overdue: boolean;
  }[];
  noticeStartsOn?: string;
  noticeEndsOn?: string;
  objections: {
    objectionId: string;
    by: 'public' | 'trainee';
    workerId?: string;
    statement: string;
    contact?: string;
    raisedOn: string;
    finding?: 'dismissed' | 'upheld';
    note?: string;
    resolvedBy?: string;
  }[];
  payments: { outcome: string; paymentId?: string; amountFen?: number; reason?: string }[];
}

export const claimTone = (status: ClaimStatus) =>
  status === 'approved' || status === 'paid'
    ? 'green'
    : status === 'rejected' || status === 'payment_failed' || status === 'commitment_refused'
      ? 'red'
      : status === 'returned'
        ? 'orange'
        : 'blue';
