// What the decider specs share: command metadata at a time, and a check that events keep their contract.
import { randomUUID } from 'node:crypto';
import { validateContract, type ContractTypeName } from '@jineng/contracts';
import type { CommandMetadata } from '@jineng/ddd';

export function metadataAt(now: string, overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return {
    commandId: randomUUID(),
    actor: { userId: 'officer-1', roles: ['county_officer'] },
    jurisdiction: '419001',
    now,
    correlationId: randomUUID(),
    ...overrides,
  };
}

/** Every event is what its contract in proto/jineng/certification/v1 says. */
export function expectContracts(events: readonly { type: string; data: unknown }[]): void {
  for (const event of events) {
    const name = `jineng.certification.v1.${event.type.split('.')[0]}` as ContractTypeName;
    const result = validateContract(name, JSON.parse(JSON.stringify(event.data)));
    expect(result.ok ? [] : result.violations).toEqual([]);
  }
}
