import type { DomainEvent } from '@jineng/ddd';

export type EnterpriseRegistered = DomainEvent<
  'EnterpriseRegistered.v1',
  {
    readonly enterpriseId: string;
    readonly name: string;
    readonly creditCode: string;
    readonly jurisdiction: string;
    readonly headcount: number;
    readonly small: boolean;
    readonly micro: boolean;
    readonly maySetUpEvaluationBody: boolean;
    readonly registeredOn: string;
  }
>;

export type EnterpriseEvent = EnterpriseRegistered;

export const enterpriseStreamId = (enterpriseId: string): string => `enterprise-${enterpriseId}`;
