// The audit service's side of request/reply: subjects and payload checks against the contracts in proto/.
import type { ContractTypes } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject, type RpcRequest } from '@jineng/messaging';

type AuditName<K> = K extends `jineng.audit.v1.${infer N}` ? N : never;
export type AuditMessage = AuditName<keyof ContractTypes>;
export type AuditPayload<N extends AuditMessage> = ContractTypes[`jineng.audit.v1.${N}`];

export const commandSubject = (name: AuditMessage): string =>
  rpcSubject({ kind: 'command', service: 'audit', name });
export const querySubject = (name: AuditMessage): string =>
  rpcSubject({ kind: 'query', service: 'audit', name });

/** The envelope and the payload, checked against `jineng.audit.v1.<name>` (400 with every bad field). */
export function auditRequest<N extends AuditMessage>(data: unknown, name: N): RpcRequest<AuditPayload<N>> {
  return parseRpcRequest<AuditPayload<N>>(data, { payloadContract: `jineng.audit.v1.${name}` });
}
