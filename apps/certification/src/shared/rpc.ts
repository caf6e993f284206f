// The certification service's side of request/reply: subjects and payload checks against the
// contracts in proto/jineng/certification/v1.
import type { ContractTypes } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject, type RpcRequest } from '@jineng/messaging';

type CertificationName<K> = K extends `jineng.certification.v1.${infer N}` ? N : never;
export type CertificationMessage = CertificationName<keyof ContractTypes>;
export type CertificationPayload<N extends CertificationMessage> =
  ContractTypes[`jineng.certification.v1.${N}`];

export const commandSubject = (name: CertificationMessage): string =>
  rpcSubject({ kind: 'command', service: 'certification', name });
export const querySubject = (name: CertificationMessage): string =>
  rpcSubject({ kind: 'query', service: 'certification', name });

/** The envelope and the payload, checked against `jineng.certification.v1.<name>` (400 with every bad field). */
export function certificationRequest<N extends CertificationMessage>(
  data: unknown,
  name: N,
): RpcRequest<CertificationPayload<N>> {
  return parseRpcRequest<CertificationPayload<N>>(data, {
    payloadContract: `jineng.certification.v1.${name}`,
  });
}

/** A contract type as event or command data: read-only all the way down. */
export type JsonData<T> = T extends readonly (infer Item)[]
  ? readonly JsonData<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: JsonData<T[K]> }
    : T;
