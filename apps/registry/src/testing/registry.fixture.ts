// Test data for the registry: valid resident ID numbers and credit codes made on the spot, command
// metadata, and a check that events match their contracts in proto/.
import { randomUUID } from 'node:crypto';
import { validateContract, type ContractTypeName } from '@jineng/contracts';
import type { CommandMetadata } from '@jineng/ddd';
import { creditCodeCheckCharacter, residentIdCheckCharacter, shanghaiDate } from '@jineng/kernel';

/** Command metadata of an officer of 盐湖区 at `now`. */
export function metadataAt(
  now = '2026-03-02T09:00:00+08:00',
  overrides: Partial<CommandMetadata> = {},
): CommandMetadata {
  return {
    commandId: randomUUID(),
    actor: { userId: 'officer-1', roles: ['county_officer'] },
    jurisdiction: '140802',
    now,
    correlationId: randomUUID(),
    ...overrides,
  };
}

let sequence = 0;

/**
 * A valid 18-character resident ID number of someone born on `birthDate`, of `gender`, registered in
 * `region`; each call gives another sequence number (odd for men, even for women).
 */
export function residentIdNumber(
  birthDate: string,
  gender: 'male' | 'female' = 'male',
  region = '140802',
): string {
  sequence = (sequence + 1) % 450;
  const order = sequence * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(order).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

/** The same number with a wrong check character. */
export function withBadChecksum(idNumber: string): string {
  const check = idNumber[17];
  return `${idNumber.slice(0, 17)}${check === '0' ? '1' : '0'}`;
}

/** A birth date for someone `years` old today (Asia/Shanghai), give or take `days`. */
export function birthDateForAge(years: number, days = -10, today = shanghaiDate(new Date())): string {
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y - years, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

let creditSequence = 0;

/** A valid unified social credit code (GB 32100) in region 140802. */
export function creditCode(): string {
  creditSequence++;
  const body = `${String(Date.now() % 1e9).padStart(9, '0')}`.slice(0, 9);
  const first17 = `91140802${body.slice(0, 8)}${creditSequence % 10}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/** Fails with the violations when an event's data does not match its contract. */
export function expectEventsMatchContracts(events: readonly { type: string; data: unknown }[]): void {
  for (const event of events) {
    const name = `jineng.registry.v1.${event.type.split('.')[0]}` as ContractTypeName;
    const result = validateContract(name, JSON.parse(JSON.stringify(event.data)));
    if (!result.ok)
      throw new Error(`${event.type} breaks its contract: ${JSON.stringify(result.violations)}`);
  }
}
