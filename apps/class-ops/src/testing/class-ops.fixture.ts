// Test data for class-ops: command metadata, a plan and its facts, and a check that events match
// their contracts in proto/.
import { randomUUID } from 'node:crypto';
import { validateContract, type ContractTypeName } from '@jineng/contracts';
import type { CommandMetadata } from '@jineng/ddd';

export function metadataAt(now: string, overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return {
    commandId: randomUUID(),
    actor: { userId: 'institution-user-1', roles: ['institution'] },
    jurisdiction: '419001',
    now,
    correlationId: randomUUID(),
    ...overrides,
  };
}

export function expectEventsMatchContracts(events: readonly { type: string; data: unknown }[]): void {
  for (const event of events) {
    const name = `jineng.class_ops.v1.${event.type.split('.')[0]}` as ContractTypeName;
    const result = validateContract(name, JSON.parse(JSON.stringify(event.data)));
    if (!result.ok)
      throw new Error(`${event.type} breaks its contract: ${JSON.stringify(result.violations)}`);
  }
}
