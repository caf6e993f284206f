import type { EnterpriseEvent } from './enterprise.events';

export type EnterpriseState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly enterpriseId: string; readonly jurisdiction: string };

export const initialEnterpriseState = (): EnterpriseState => ({ status: 'none' });

export function evolveEnterprise(_state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
  return {
    status: 'registered',
    enterpriseId: event.data.enterpriseId,
    jurisdiction: event.data.jurisdiction,
  };
}
