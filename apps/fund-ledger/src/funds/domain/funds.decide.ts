// The money of one jurisdiction's fund source (stream account-<jurisdiction>-<source>): inflows into
// the dedicated account and allocations to counties. What may be spent is the ledger's (the book
// refuses an allocation beyond the available balance); this decider checks who acts where and keeps
// each inflow and allocation id to one content.
import type { fundLedgerV1 } from '@jineng/contracts';
import type { JsonData } from '../../ledger/domain/json-data';
import { defineDomainError, jsonDigest, type Command, type Decider } from '@jineng/ddd';
import { JurisdictionCode } from '@jineng/kernel';

export const fundStreamId = (jurisdiction: string, source: string): string =>
  `account-${jurisdiction}-${source}`;

export type RecordFundInflow = Command<
  'RecordFundInflow',
  JsonData<fundLedgerV1.RecordFundInflow> & ActorJurisdiction
>;
export type AllocateToCounty = Command<
  'AllocateToCounty',
  JsonData<fundLedgerV1.AllocateToCounty> & ActorJurisdiction
>;
/** where the principal acts from (absent for the service's own commands) */
export type ActorJurisdiction = { readonly actorJurisdiction?: string };

export type FundsCommand = RecordFundInflow | AllocateToCounty;

export type FundsEvent =
  | { type: 'FundInflowRecorded.v1'; data: JsonData<fundLedgerV1.FundInflowRecorded> }
  | { type: 'FundsAllocatedToCounty.v1'; data: JsonData<fundLedgerV1.FundsAllocatedToCounty> };

export interface FundsState {
  /** inflow and allocation ids → digest of what they recorded */
  readonly recorded: ReadonlyMap<string, string>;
}

export class FinanceRoleRequired extends defineDomainError<{ role: string }>({
  code: 'LEDGER.FINANCE_ROLE_REQUIRED',
  category: 'forbidden',
  zh: () => '仅财务人员或管理员可办理资金记账',
  en: (d) => `only a finance officer or an administrator may do this (acting as ${d.role})`,
}) {}

export class OutsideJurisdiction extends defineDomainError<{
  actorJurisdiction: string;
  jurisdictionCode: string;
}>({
  code: 'LEDGER.OUTSIDE_JURISDICTION',
  category: 'forbidden',
  zh: (d) => `${d.jurisdictionCode} 不在您的辖区 ${d.actorJurisdiction} 内`,
  en: (d) => `${d.jurisdictionCode} is outside your jurisdiction ${d.actorJurisdiction}`,
}) {}

export class NotACountyOf extends defineDomainError<{ countyCode: string; fromJurisdictionCode: string }>({
  code: 'LEDGER.NOT_A_COUNTY_OF',
  category: 'validation',
  zh: (d) => `${d.countyCode} 不是 ${d.fromJurisdictionCode} 下辖的县区，不能划拨`,
  en: (d) => `${d.countyCode} is not a county of ${d.fromJurisdictionCode}: no allocation`,
}) {}

export class IdReused extends defineDomainError<{ id: string }>({
  code: 'LEDGER.ID_REUSED',
  category: 'illegal_state',
  zh: (d) => `编号 ${d.id} 已用于内容不同的记账`,
  en: (d) => `id ${d.id} was already used for a different entry`,
}) {}

const FINANCE_ROLES = ['finance_officer', 'admin'];

/** A finance officer or an administrator acting within their jurisdiction (the system acts anywhere). */
export function assertFinanceIn(
  metadata: Command['metadata'],
  /** the principal's jurisdiction (the command's metadata carries the record's) */
  actorJurisdiction: string | undefined,
  jurisdictionCode: string,
): void {
  assertFinance(metadata.actor, actorJurisdiction, jurisdictionCode);
}

/** The same check for a principal (a request that is not a command on a stream). */
export function assertFinance(
  actor: { readonly userId: string; readonly roles: readonly string[] },
  actorJurisdiction: string | undefined,
  jurisdictionCode: string,
): void {
  const { roles, userId } = actor;
  if (roles.includes('system') && userId.startsWith('system:')) return;
  if (!roles.some((role) => FINANCE_ROLES.includes(role))) {
    throw new FinanceRoleRequired({ role: roles.join(',') || 'none' });
  }
  const acting = JurisdictionCode.parse(actorJurisdiction ?? '');
  const target = JurisdictionCode.parse(jurisdictionCode);
  if (!acting.ok || !target.ok || !target.value.isWithin(acting.value)) {
    throw new OutsideJurisdiction({ actorJurisdiction: actorJurisdiction ?? 'none', jurisdictionCode });
  }
}

function once(state: FundsState, id: string, digest: string): boolean {
  const seen = state.recorded.get(id);
  if (seen === undefined) return false;
  if (seen !== digest) throw new IdReused({ id });
  return true;
}

export const fundsDecider: Decider<FundsCommand, FundsState, FundsEvent> = {
  initialState: () => ({ recorded: new Map() }),
  evolve: (state, event) => {
    const id = event.type === 'FundInflowRecorded.v1' ? event.data.inflowId : event.data.allocationId;
    return { recorded: new Map(state.recorded).set(id, jsonDigest(event.data)) };
  },
  decide: (command, state) => {
    if (command.type === 'RecordFundInflow') {
      const { actorJurisdiction, ...data } = command.data;
      assertFinanceIn(command.metadata, actorJurisdiction, data.jurisdictionCode);
      return once(state, data.inflowId, jsonDigest(data)) ? [] : [{ type: 'FundInflowRecorded.v1', data }];
    }
    const { actorJurisdiction, ...data } = command.data;
    assertFinanceIn(command.metadata, actorJurisdiction, data.fromJurisdictionCode);
    const county = JurisdictionCode.parse(data.countyCode);
    const from = JurisdictionCode.parse(data.fromJurisdictionCode);
    if (
      !county.ok ||
      !from.ok ||
      county.value.level !== 'county' ||
      !county.value.isWithin(from.value) ||
      county.value.equals(from.value)
    ) {
      throw new NotACountyOf({
        countyCode: data.countyCode,
        fromJurisdictionCode: data.fromJurisdictionCode,
      });
    }
    return once(state, data.allocationId, jsonDigest(data))
      ? []
      : [{ type: 'FundsAllocatedToCounty.v1', data }];
  },
};
