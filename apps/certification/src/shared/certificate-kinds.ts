// The six certificate kinds (DOMAIN §4) as the contracts name them, and as the policy names the five
// higher ones (policy_parameters.proto: `qualification` is the vocational qualification).
export const CERTIFICATE_KINDS = [
  'vocational_qualification',
  'skill_level',
  'special_ability',
  'special_operation',
  'special_equipment',
  'training_qualified',
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export type PolicyCertificateKind =
  'qualification' | 'skill_level' | 'special_ability' | 'special_operation' | 'special_equipment';

/** The contract's kind of a kind the policy names. */
export const kindOfPolicy = (kind: PolicyCertificateKind): CertificateKind =>
  kind === 'qualification' ? 'vocational_qualification' : kind;

export const KIND_NAMES: Readonly<Record<CertificateKind, string>> = {
  vocational_qualification: '职业资格证书',
  skill_level: '职业技能等级证书',
  special_ability: '专项职业能力证书',
  special_operation: '特种作业操作证',
  special_equipment: '特种设备作业人员证',
  training_qualified: '培训合格证书',
};
