// A broken rule of a policy version's content, where the contract alone cannot see it (tiers that
// overlap, tranches that do not add up, a target table whose lines miss its totals). The path is that
// of the command's payload, as the contract's own violations are: `parameters.subsidies.perDayTraining.tiers[1].fromDay`.
export type PolicyViolation = {
  readonly path: string;
  readonly reason: string;
  readonly reasonEn: string;
};

export const violation = (path: string, reason: string, reasonEn: string): PolicyViolation => ({
  path,
  reason,
  reasonEn,
});
