import { defineDomainError } from '@jineng/ddd';

export class RecomputeInputsNotRecorded extends defineDomainError<{
  claimId: string;
  kind: string;
  inputs: string[];
}>({
  code: 'AUDIT.RECOMPUTE_INPUTS_NOT_RECORDED',
  category: 'illegal_state',
  zh: (d) =>
    `申领 ${d.claimId}（${d.kind}）的计算依据申领人提交的材料（${d.inputs.join('、')}），这些材料不在事件中，无法从审计副本重算`,
  en: (d) =>
    `claim ${d.claimId} (${d.kind}) was computed from what the claimant supplied (${d.inputs.join(', ')}), which no event records: it cannot be recomputed from the audit copy`,
}) {}
