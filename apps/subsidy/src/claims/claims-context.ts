// What the claims' use cases share: the policy in force (the policy area's read model and
// resolvePolicy), the working-day calendar (the published holiday calendar of the jurisdiction's
// province), today in Asia/Shanghai on the service clock, who may act on a claim, and running a claim
// command with its read model rows in the same transaction.
import { JurisdictionCode, WorkingDayCalendar, shanghaiToday, type Clock } from '@jineng/kernel';
import type { Principal, RpcRequest } from '@jineng/messaging';
import {
  CommandRunner,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
  commandAccepted,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { HolidayCalendarReadModel } from '../holiday-calendar/read-model/holiday-calendar.read-model';
import { chainOf } from '@jineng/subsidy-computation';
import { resolvePolicy, type ResolvedPolicy } from '@jineng/subsidy-computation';
import { PolicyVersionsReadModel } from '../policy/read-model/policy-versions.read-model';
import {
  claimDecider,
  claimStreamId,
  ClaimNotFound,
  type ClaimCommand,
  type ClaimState,
} from './domain/claim';
import { ClaimForbidden } from '@jineng/subsidy-computation';
import { projectClaimEvents } from './read-model/claims.projection';

export const OFFICER_ROLES = ['county_officer', 'city_approver'] as const;

export type LiveClaim = Exclude<ClaimState, { status: 'none' }>;

@Injectable()
export class ClaimsContext {
  constructor(
    readonly commands: CommandRunner,
    private readonly versions: PolicyVersionsReadModel,
    private readonly holidays: HolidayCalendarReadModel,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) readonly config: ServiceConfig,
  ) {}

  today(): string {
    return shanghaiToday(this.clock);
  }

  async policyOn(jurisdiction: string, date: string): Promise<ResolvedPolicy> {
    return resolvePolicy(jurisdiction, date, await this.versions.publishedIn(chainOf(jurisdiction)));
  }

  /** The national arrangement with the published years, and the province's own days. */
  async calendarFor(jurisdiction: string): Promise<WorkingDayCalendar> {
    const province = `${jurisdiction.slice(0, 2)}0000`;
    return WorkingDayCalendar.withPublished(await this.holidays.latest(province), { province });
  }

  async loadClaim(claimId: string): Promise<LiveClaim> {
    const state = await this.commands.load(claimDecider, claimStreamId(claimId));
    if (state.status === 'none') throw new ClaimNotFound({ claimId });
    return state;
  }

  /** Runs a command on the claim; its read model rows commit with its events. */
  async run(
    request: RpcRequest,
    claimId: string,
    jurisdiction: string,
    command: Omit<ClaimCommand, 'metadata'>,
    contacts?: ReadonlyMap<string, string>,
  ) {
    const result = await this.commands.run(request, {
      decider: claimDecider,
      streamId: claimStreamId(claimId),
      jurisdiction,
      command: command as never,
      withEvents: (tx, r) => projectClaimEvents(tx, this.config.schema, claimId, r.events, contacts),
    });
    return commandAccepted(claimId, result);
  }
}

export const within = (jurisdiction: string, principal: Principal): boolean => {
  const target = JurisdictionCode.parse(jurisdiction);
  const own = JurisdictionCode.parse(principal.jurisdiction);
  return target.ok && own.ok && target.value.isWithin(own.value);
};

export const isOfficer = (principal: Principal): boolean =>
  principal.roles.some((role) => (OFFICER_ROLES as readonly string[]).includes(role));

/** An officer (county officer or city approver) whose jurisdiction covers the claim's. */
export function assertOfficerFor(principal: Principal, jurisdiction: string): void {
  if (!isOfficer(principal))
    throw new ClaimForbidden({
      reason: '此操作须由人社部门经办人员进行',
      reasonEn: 'this is done by an officer (county officer or city approver)',
    });
  if (!within(jurisdiction, principal))
    throw new ClaimForbidden({
      reason: `申领属于 ${jurisdiction}，不在 ${principal.jurisdiction} 的辖区内`,
      reasonEn: `the claim belongs to ${jurisdiction}, outside ${principal.jurisdiction}`,
    });
}

/** The worker a `worker` principal is: the identity provider names a worker by their registry id. */
export const workerOf = (principal: Principal): string | undefined =>
  principal.roles.includes('worker') ? principal.userId : undefined;

/** Officers of the jurisdiction, the claimant, or a trainee named in the claim. */
export function mayRead(
  principal: Principal,
  claim: LiveClaim,
): 'officer' | 'claimant' | 'trainee' | undefined {
  const d = claim.submitted;
  if (isOfficer(principal) && within(d.jurisdictionCode, principal)) return 'officer';
  if (principal.roles.includes('auditor') && within(d.jurisdictionCode, principal)) return 'officer';
  if (claimantOf(principal, d.claimantKind) === d.claimantId) return 'claimant';
  const worker = workerOf(principal);
  if (worker && d.computation.workerIds.includes(worker)) return 'trainee';
  return undefined;
}

/**
 * The institution or enterprise a clerk (not an officer) lists the claims of: theirs only. Undefined
 * for anyone else, who lists as an officer or not at all.
 */
export function listingClaimant(
  principal: Principal,
): { readonly kind: 'institution' | 'enterprise'; readonly id: string } | undefined {
  if (isOfficer(principal)) return undefined;
  for (const kind of ['institution', 'enterprise'] as const) {
    const id = claimantOf(principal, kind);
    if (id) return { kind, id };
  }
  return undefined;
}

/** Who the principal claims as: its institution, its enterprise, or itself as a worker. */
export function claimantOf(
  principal: Principal,
  kind: 'institution' | 'enterprise' | 'worker',
): string | undefined {
  if (kind === 'institution')
    return principal.roles.includes('institution') ? principal.institutionId : undefined;
  if (kind === 'enterprise')
    return principal.roles.includes('enterprise') ? principal.enterpriseId : undefined;
  return workerOf(principal);
}
