// @jineng/contracts: the messages that cross a service boundary, generated from proto/ — their
// TypeScript types by package namespace (`commonV1.Envelope`), JSON Schemas and NATS subjects — and
// runtime validation of their JSON form. See libs/contracts/README.md.

// one namespace per proto package (jineng.common.v1 → commonV1), CONTRACTS, ContractTypes, ContractTypeName
export * from './generated';
export { CONTRACT_KINDS, type Contract, type ContractKind, type JsonSchema } from './contract';
export {
  OPENAPI_REF_PREFIX,
  contractForSubject,
  contractOf,
  jsonSchemaOf,
  openApiSchemas,
} from './contract-registry';
export { FORMATS, formatProblem, type FormatReason } from './formats';
export {
  validateContract,
  validateJson,
  type ContractValidation,
  type ContractViolation,
} from './validate-contract';
