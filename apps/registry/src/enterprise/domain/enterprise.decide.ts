// Enterprises (DOMAIN §2): name, credit code, size flags, headcount. One with at least 300 staff may
// set up its own skills evaluation body.
import type { Command, Decider } from '@jineng/ddd';
import { throwFirst, unknownJurisdiction } from '../../shared/domain/catalogue-rules';
import { todayOf } from '../../shared/domain/dates';
import { EnterpriseAlreadyRegistered, MicroMustBeSmall } from './enterprise.errors';
import type { EnterpriseEvent, EnterpriseRegistered } from './enterprise.events';
import { evolveEnterprise, initialEnterpriseState, type EnterpriseState } from './enterprise.state';

export const EVALUATION_BODY_MIN_HEADCOUNT = 300;

export type RegisterEnterprise = Command<
  'RegisterEnterprise',
  Omit<EnterpriseRegistered['data'], 'maySetUpEvaluationBody' | 'registeredOn'>
>;

export function decideEnterprise(command: RegisterEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  const d = command.data;
  throwFirst([
    unknownJurisdiction('jurisdiction', d.jurisdiction),
    d.micro && !d.small ? new MicroMustBeSmall({ field: 'small' }) : undefined,
  ]);
  if (state.status === 'registered') throw new EnterpriseAlreadyRegistered({ enterpriseId: d.enterpriseId });
  return [
    {
      type: 'EnterpriseRegistered.v1',
      data: {
        ...d,
        maySetUpEvaluationBody: d.headcount >= EVALUATION_BODY_MIN_HEADCOUNT,
        registeredOn: todayOf(command.metadata),
      },
    },
  ];
}

export const enterpriseDecider: Decider<RegisterEnterprise, EnterpriseState, EnterpriseEvent> = {
  initialState: initialEnterpriseState,
  decide: decideEnterprise,
  evolve: evolveEnterprise,
};
