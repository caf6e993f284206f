// Money (DOMAIN §9: "double claims", "institutions whose pass rates are implausible"; a bank account
// receiving for several claimants).
import type { FraudFacts } from '../fraud-facts';
import { commonJurisdiction, pushTo, sortedUnique, type FraudFinding, type FraudRule } from '../fraud-rule';

/**
 * Qujing: 「原则上每人每年可享受不超过3次」 — the limit is the policy's `claims.yearlySubsidyLimit.maxPerWorker`
 * of the claims' policy versions (the lowest of them); claims whose policies set none are not counted
 * against a limit. "In principle": an officer may approve more with a reason, so this is an alert to
 * look at, not a refusal.
 */
export const subsidiesAboveYearlyLimit: FraudRule = {
  id: 'subsidies-above-yearly-limit',
  version: 1,
  title: {
    zh: '同一劳动者年度补贴次数超过政策上限',
    en: 'More subsidies for a worker in a year than the policy allows',
  },
  detect({ claims, policies }: FraudFacts) {
    const findings: FraudFinding[] = [];
    const byWorkerYear = new Map<string, typeof list>();
    const list = [...claims.values()];
    for (const claim of list)
      for (const workerId of claim.workerIds) {
        const key = `${workerId}:${claim.year}`;
        pushTo(byWorkerYear, key, claim);
      }
    for (const [key, ofWorker] of byWorkerYear) {
      const limits = ofWorker
        .flatMap((c) => c.policyVersionIds.map((id) => policies.get(id)))
        .filter((p) => p?.maxSubsidiesPerWorkerPerYear !== undefined);
      if (limits.length === 0) continue;
      const limit = Math.min(...limits.map((p) => p!.maxSubsidiesPerWorkerPerYear!));
      if (ofWorker.length <= limit) continue;
      const [workerId, year] = key.split(':');
      findings.push({
        ruleId: this.id,
        ruleVersion: this.version,
        key,
        jurisdictionCode: commonJurisdiction(ofWorker.map((c) => c.jurisdictionCode)),
        summary: {
          zh: `劳动者 ${workerId} 在 ${year} 年获批 ${ofWorker.length} 次培训补贴，政策上限 ${limit} 次`,
          en: `worker ${workerId} has ${ofWorker.length} approved training subsidies in ${year}; the policy allows ${limit}`,
        },
        figures: { year: Number(year), approved: ofWorker.length, limit },
        evidenceEventIds: sortedUnique([
          ...ofWorker.flatMap((c) => [c.eventId, ...c.namingEventIds]),
          ...limits.map((p) => p!.eventId),
        ]),
        workerIds: [workerId],
        claimIds: sortedUnique(ofWorker.map((c) => c.claimId)),
        classIds: sortedUnique(ofWorker.flatMap((c) => (c.classId ? [c.classId] : []))),
        institutionIds: sortedUnique(
          ofWorker.filter((c) => c.claimantKind === 'institution').map((c) => c.claimantId),
        ),
      });
    }
    return findings;
  },
};

/** at least this many assessed in a year, and at least this pass rate (rule version 1) */
export const IMPLAUSIBLE_PASS_RATE = { minAssessed: 200, minPassRate: 0.98 } as const;

export const implausiblePassRate: FraudRule = {
  id: 'implausible-pass-rate-at-volume',
  version: 1,
  title: { zh: '大批量考核通过率高得不合常理', en: 'An implausibly high pass rate at volume' },
  detect({ results }: FraudFacts) {
    const findings: FraudFinding[] = [];
    const groups = new Map<string, (typeof results)[number][]>();
    for (const r of results) {
      const key = `${r.institutionId}:${r.year}`;
      pushTo(groups, key, r);
    }
    for (const [key, list] of groups) {
      const assessed = list.reduce((sum, r) => sum + r.assessed, 0);
      const passed = list.reduce((sum, r) => sum + r.passed, 0);
      if (
        assessed < IMPLAUSIBLE_PASS_RATE.minAssessed ||
        passed / assessed < IMPLAUSIBLE_PASS_RATE.minPassRate
      )
        continue;
      const [institutionId, year] = key.split(':');
      const rate = ((passed / assessed) * 100).toFixed(1);
      findings.push({
        ruleId: this.id,
        ruleVersion: this.version,
        key,
        jurisdictionCode: commonJurisdiction(list.map((r) => r.jurisdictionCode)),
        summary: {
          zh: `机构 ${institutionId} ${year} 年考核 ${assessed} 人，通过率 ${rate}%`,
          en: `institution ${institutionId} assessed ${assessed} in ${year} with a pass rate of ${rate}%`,
        },
        figures: { year: Number(year), assessed, passed, ...IMPLAUSIBLE_PASS_RATE },
        evidenceEventIds: list.map((r) => r.eventId),
        institutionIds: [institutionId],
      });
    }
    return findings;
  },
};

/**
 * One bank account receiving for several claimants: payees' accounts travel sealed (ADR 0012), so they
 * are compared by the digest PayeeAccountSealed.v1 carries, never opened. The alert names the payees and
 * the events, not the digest.
 */
export const sharedPayeeAccount: FraudRule = {
  id: 'one-account-several-claimants',
  version: 1,
  title: { zh: '同一银行账户为多个申领主体收款', en: 'One bank account receiving for several claimants' },
  detect({ payeeAccounts, claims }: FraudFacts) {
    const findings: FraudFinding[] = [];
    const claimsOf = new Map<string, typeof list>();
    const list = [...claims.values()];
    for (const claim of list) pushTo(claimsOf, claim.claimantId, claim);
    const byAccount = new Map<string, typeof accounts>();
    const accounts = [...payeeAccounts.values()].filter((a) => claimsOf.has(a.payeeId));
    for (const account of accounts) pushTo(byAccount, account.accountDigest, account);
    for (const sharing of byAccount.values()) {
      if (sharing.length < 2) continue;
      const payeeIds = sortedUnique(sharing.map((a) => a.payeeId));
      const theirClaims = payeeIds.flatMap((id) => claimsOf.get(id) ?? []);
      findings.push({
        ruleId: this.id,
        ruleVersion: this.version,
        key: payeeIds.join(','),
        jurisdictionCode: commonJurisdiction(theirClaims.map((c) => c.jurisdictionCode)),
        summary: {
          zh: `${payeeIds.length} 个申领主体登记了同一个收款账户`,
          en: `${payeeIds.length} claimants registered the same bank account`,
        },
        figures: { claimants: payeeIds.length, claims: theirClaims.length },
        evidenceEventIds: [...sharing.map((a) => a.eventId), ...theirClaims.map((c) => c.eventId)],
        payeeIds,
        claimIds: sortedUnique(theirClaims.map((c) => c.claimId)),
        institutionIds: sortedUnique(
          theirClaims.filter((c) => c.claimantKind === 'institution').map((c) => c.claimantId),
        ),
        workerIds: sortedUnique(
          theirClaims.filter((c) => c.claimantKind === 'worker').map((c) => c.claimantId),
        ),
      });
    }
    return findings;
  },
};
