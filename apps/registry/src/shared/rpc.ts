// The registry's side of request/reply: subjects and payload checks against the contracts in proto/.
import type { ContractTypes } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject, type RpcRequest } from '@jineng/messaging';

type RegistryName<K> = K extends `jineng.registry.v1.${infer N}` ? N : never;
export type RegistryMessage = RegistryName<keyof ContractTypes>;
export type RegistryPayload<N extends RegistryMessage> = ContractTypes[`jineng.registry.v1.${N}`];

export const commandSubject = (name: RegistryMessage): string =>
  rpcSubject({ kind: 'command', service: 'registry', name });
export const querySubject = (name: RegistryMessage): string =>
  rpcSubject({ kind: 'query', service: 'registry', name });

/** The envelope and the payload, checked against `jineng.registry.v1.<name>` (400 with every bad field). */
export function registryRequest<N extends RegistryMessage>(
  data: unknown,
  name: N,
): RpcRequest<RegistryPayload<N>> {
  return parseRpcRequest<RegistryPayload<N>>(data, { payloadContract: `jineng.registry.v1.${name}` });
}
