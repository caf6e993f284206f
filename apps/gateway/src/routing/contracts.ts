// The gateway's view of `@jineng/contracts`: a route's request contract is a type name of the
// generated contracts (the schema services validate against too) or an inline schema of its own.
import { contractOf, validateContract, validateJson, type JsonSchema } from '@jineng/contracts';
import type { Violation } from '../errors/gateway-error';
import type { RequestContract } from './route-definition';

export function contractName(contract: RequestContract): string {
  return typeof contract === 'string' ? contract : contract.name;
}

export function schemaOf(contract: RequestContract): JsonSchema {
  return typeof contract === 'string' ? contractOf(contract).schema : contract.schema;
}

export function isKnownContract(typeName: string): boolean {
  try {
    contractOf(typeName);
    return true;
  } catch {
    return false;
  }
}

export type PayloadValidation =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly violations: readonly Violation[] };

export function validatePayload(
  contract: RequestContract,
  payload: Record<string, unknown>,
): PayloadValidation {
  const result =
    typeof contract === 'string'
      ? validateContract<Record<string, unknown>>(contract, payload)
      : validateJson<Record<string, unknown>>(contract.schema, payload);
  return result.ok ? { ok: true, value: result.value } : { ok: false, violations: result.violations };
}
