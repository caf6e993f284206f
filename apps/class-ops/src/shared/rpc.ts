// class-ops' side of request/reply: subjects and payload checks against proto/jineng/class_ops/v1.
import type { ContractTypes } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject, type RpcRequest } from '@jineng/messaging';

type ClassOpsName<K> = K extends `jineng.class_ops.v1.${infer N}` ? N : never;
export type ClassOpsMessage = ClassOpsName<keyof ContractTypes>;
export type ClassOpsPayload<N extends ClassOpsMessage> = ContractTypes[`jineng.class_ops.v1.${N}`];

export const commandSubject = (name: ClassOpsMessage): string =>
  rpcSubject({ kind: 'command', service: 'class-ops', name });

export const querySubject = (name: ClassOpsMessage): string =>
  rpcSubject({ kind: 'query', service: 'class-ops', name });

/** The envelope and the payload, checked against `jineng.class_ops.v1.<name>` (400 with every bad field). */
export function classOpsRequest<N extends ClassOpsMessage>(
  data: unknown,
  name: N,
): RpcRequest<ClassOpsPayload<N>> {
  return parseRpcRequest<ClassOpsPayload<N>>(data, { payloadContract: `jineng.class_ops.v1.${name}` });
}
