// Runtime validation of a message's JSON form at the edge (ARCHITECTURE §5): the gateway before it
// sends, every NATS handler before it acts. Ajv compiles each contract's schema the first time it is
// needed and keeps it; all violations come back at once, each with its path and reason.
import Ajv, { type FormatDefinition, type SchemaObject, type ValidateFunction } from 'ajv';
import type { Contract, JsonSchema } from './contract';
import { CONTRACTS, unknownContract } from './contract-registry';
import { FORMATS, type Format } from './formats';
import type { ContractTypeName, ContractTypes } from './generated';
import { toViolations, type ContractViolation } from './violations';

export type { ContractViolation } from './violations';

export type ContractValidation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly violations: readonly ContractViolation[] };

/** An Ajv instance holding a set of contracts, so that their `$ref`s to one another resolve. */
export class ContractValidator {
  readonly #ajv: Ajv;
  readonly #typeNames: ReadonlySet<string>;
  readonly #compiled = new WeakMap<JsonSchema, ValidateFunction>();

  constructor(contracts: readonly Contract[]) {
    this.#ajv = new Ajv({
      allErrors: true,
      // errors carry the offending value, so a format violation can say why (checksum, length…)
      verbose: true,
      strict: true,
      formats: Object.fromEntries(Object.entries(FORMATS).map(([name, format]) => [name, ajvFormat(format)])),
    });
    // added, not compiled: each is compiled on its first use
    for (const contract of contracts) this.#ajv.addSchema(contract.schema as SchemaObject, contract.typeName);
    this.#typeNames = new Set(contracts.map((contract) => contract.typeName));
  }

  validate<T>(typeName: string, value: unknown): ContractValidation<T> {
    if (!this.#typeNames.has(typeName)) throw unknownContract(typeName);
    return check<T>(this.#ajv.getSchema(typeName) as ValidateFunction, value);
  }

  /** A schema may `$ref` the contracts by type name. Compiled once per schema object: keep it a constant. */
  validateJson<T>(schema: JsonSchema, value: unknown): ContractValidation<T> {
    let validate = this.#compiled.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(schema as SchemaObject);
      this.#compiled.set(schema, validate);
    }
    return check<T>(validate, value);
  }
}

function ajvFormat(format: Format): FormatDefinition<string> | FormatDefinition<number> {
  const validate = (value: string | number) => format.problem(value) === undefined;
  return format.type === 'number' ? { type: 'number', validate } : { type: 'string', validate };
}

function check<T>(validate: ValidateFunction, value: unknown): ContractValidation<T> {
  if (validate(value)) return { ok: true, value: value as T };
  return { ok: false, violations: toViolations(validate.errors ?? [], value) };
}

let shared: ContractValidator | undefined;
const validator = (): ContractValidator => (shared ??= new ContractValidator(CONTRACTS));

/**
 * Checks `value` against the contract `typeName` (e.g. `jineng.common.v1.Envelope`): every violation,
 * unknown keys included. With a literal type name the value's type follows from it. An unknown type
 * name is a programming error: a TypeError.
 */
export function validateContract<N extends ContractTypeName>(
  typeName: N,
  value: unknown,
): ContractValidation<ContractTypes[N]>;
export function validateContract<T>(typeName: string, value: unknown): ContractValidation<T>;
export function validateContract<T>(typeName: string, value: unknown): ContractValidation<T> {
  return validator().validate<T>(typeName, value);
}

/** The same for a schema given directly, such as a gateway's path parameters. */
export function validateJson<T = unknown>(schema: JsonSchema, value: unknown): ContractValidation<T> {
  return validator().validateJson<T>(schema, value);
}
