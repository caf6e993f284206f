// Injection tokens of the registry's own providers (the runtime's are in @jineng/service-runtime).
export const PERSONAL_DATA_CIPHER = Symbol('PERSONAL_DATA_CIPHER');
/** the TypeORM DataSource of the read models, on the service's schema */
export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');
/** the roster import caps (`RosterLimits`), from the environment */
export const ROSTER_LIMITS = Symbol('ROSTER_LIMITS');
/** the fund ledger's public key for payees' bank accounts (`KeyObject | undefined`), from the environment */
export const PAYEE_SEALING_KEY = Symbol('PAYEE_SEALING_KEY');
