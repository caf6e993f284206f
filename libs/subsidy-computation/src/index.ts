// The subsidy computation and the policy resolution it rests on (DOMAIN §5, §7), pure: the subsidy
// service computes claims with it and the audit service re-runs a paid claim's computation with it
// from the audit copy (ADR 0018). It holds business rules, unlike the other libs, because two apps
// must run the very same function; it is owned by the subsidy service and changed with its tests.
export * from './claims/domain/compute-claim';
export * from './claims/domain/prepayment-settlement';
export * from './claims/domain/claim-facts';
export * from './claims/domain/claim.errors';
export * from './policy/domain/policy-parameters';
export * from './policy/domain/resolve-policy';
export * from './policy/domain/living-allowance';
export * from './policy/domain/policy-version.errors';
export * from './policy/domain/policy-violation';
export * from './jurisdictions/jurisdiction-directory';
export * from './jurisdictions/jurisdictions.data';
