// The audit service's answers as the console reads them (docs/contracts.md, "audit"): ids and amounts in
// integer fen, no personal data.
export interface EvidenceLink {
  readonly step: string;
  readonly eventId: string;
  readonly hash: string;
  readonly service: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAt: string;
  readonly workerId?: string;
  readonly facts: Record<string, unknown>;
}

export interface Explanation {
  readonly claimId: string;
  readonly paymentId?: string;
  readonly paidFen: number;
  readonly explainedFen: number;
  readonly links: readonly EvidenceLink[];
  readonly missing: readonly string[];
}

export interface ClaimAsOf {
  readonly claimId: string;
  readonly asOf: string;
  readonly events: number;
  readonly claim?: Record<string, unknown>;
  readonly class?: Record<string, unknown>;
  readonly certificates: readonly Record<string, unknown>[];
  readonly payments: readonly Record<string, unknown>[];
}

export interface LineDifference {
  readonly workerId?: string;
  readonly rule: string;
  readonly recordedFen: number;
  readonly recomputedFen: number;
}

export interface Recomputation {
  readonly claimId: string;
  readonly kind: string;
  readonly tranche: string;
  readonly recordedFen: number;
  readonly recomputedFen: number;
  readonly approvedFen?: number;
  readonly paidFen: number;
  readonly differenceFen: number;
  readonly equal: boolean;
  readonly policyVersionIdsRecorded: readonly string[];
  readonly policyVersionIdsUsed: readonly string[];
  readonly lineDifferences: readonly LineDifference[];
}

export interface DailySeal {
  readonly day: string;
  readonly sequence: number;
  readonly eventCount: number;
  readonly sealedAt: string;
  readonly keyId: string;
  readonly sealHash: string;
}

export interface SealPage {
  readonly items: readonly DailySeal[];
  readonly nextFromSequence?: number;
  readonly total: number;
  readonly publicKeys: readonly { keyId: string; x: string }[];
}

export interface SealVerificationReport {
  readonly ok: boolean;
  readonly seals: number;
  readonly firstDay?: string;
  readonly lastDay?: string;
  readonly services: readonly string[];
  readonly eventsChecked: number;
  readonly eventsNotSealed: number;
  readonly problems: readonly { day: string; kind: string; detail: string; service?: string }[];
}

export interface BrokenLink {
  readonly service: string;
  readonly streamId: string;
  readonly version: number;
  readonly reason: 'hash_mismatch' | 'version_gap';
  readonly detail: string;
}

export interface AuditChainReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly broken: readonly BrokenLink[];
}

export interface ServiceStoreReport {
  readonly service: string;
  readonly ok: boolean;
  readonly unreachable?: string;
  readonly streams: number;
  readonly eventsChecked: number;
  readonly broken: readonly BrokenLink[];
  readonly copyMissing: number;
  readonly copyDifferent: number;
  readonly copyExtra: number;
}

export interface ServiceStoresReport {
  readonly ok: boolean;
  readonly services: readonly ServiceStoreReport[];
}

export type FraudStatus = 'open' | 'investigating' | 'confirmed' | 'dismissed';

export interface FraudAlert {
  readonly alertId: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly status: FraudStatus;
  readonly jurisdictionCode: string;
  readonly summaryZh: string;
  readonly summaryEn: string;
  readonly figures: Record<string, unknown>;
  readonly evidenceEventIds: readonly string[];
  readonly entityIds: readonly string[];
  readonly raisedAt: string;
  readonly updatedAt: string;
  readonly decidedBy?: string;
  readonly reason?: string;
  readonly actions: readonly string[];
}

export const FRAUD_RULE_IDS = [
  'worker-two-sites-at-once',
  'device-many-workers-in-seconds',
  'impossible-travel',
  'attendance-above-inspected-headcount',
  'worker-in-overlapping-classes-of-two-institutions',
  'certificate-below-attendance-minimum',
  'subsidies-above-yearly-limit',
  'implausible-pass-rate-at-volume',
  'one-account-several-claimants',
] as const;

export const FRAUD_STATUSES: readonly FraudStatus[] = ['open', 'investigating', 'confirmed', 'dismissed'];

/** an id the audit service takes (entity ids, payment and claim ids) */
export const AUDIT_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;
