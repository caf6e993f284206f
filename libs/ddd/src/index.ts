// @jineng/ddd: deciders, commands, domain errors and command handling — mechanisms, no business rules.
// Safe to import from domain code: nothing here loads a framework or a driver at runtime.
export type { Command, Decider, DomainEvent } from './decider';
export { decisionEvents } from './decider';
export type { Actor, CommandMetadata } from './command-metadata';
export { assertCommandMetadata } from './command-metadata';
export type { CommandFact } from './command.errors';
export { CommandConcurrencyConflict, CommandIdReused, InvalidCommandMetadata } from './command.errors';
export type { CommandFacts } from './command-identity';
export { assertSameCommand, factsOfEvent } from './command-identity';
export type { CommandRequestKey } from './command-ids';
export { commandIdForEvent, commandIdForRequest } from './command-ids';
export { canonicalCopy, canonicalJson, jsonDigest } from './canonical-json';
export type {
  DomainErrorCategory,
  DomainErrorClass,
  DomainErrorDetails,
  DomainErrorJson,
  DomainErrorSpec,
} from './domain-error';
export {
  DOMAIN_ERROR_CATEGORIES,
  DomainError,
  ReceivedDomainError,
  defineDomainError,
  domainErrorFromJson,
  httpStatusOf,
  isDomainError,
  isDomainErrorJson,
} from './domain-error';
export { EVENT_ID_NAMESPACE, deriveEventId, uuidV5 } from './event-ids';
export type { EventMetadata } from './event-metadata';
export { eventMetadataOf, requestDigestOf } from './event-metadata';
export type { CommandResult, CommittedEvent, HandleCommandOptions } from './handle-command';
export { handleCommand } from './handle-command';
export type { JsonPrimitive, ReadonlyJsonObject, ReadonlyJsonValue } from './json';
export { toJsonObject } from './json';
