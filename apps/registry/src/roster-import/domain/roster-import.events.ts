import type { DomainEvent } from '@jineng/ddd';

/** A roster import that registered at least one worker; one that registered none records nothing. */
export type RosterImported = DomainEvent<
  'RosterImported.v1',
  {
    readonly importId: string;
    readonly jurisdiction: string;
    readonly fileSha256: string;
    readonly format: 'xlsx' | 'csv';
    readonly rows: number;
    readonly registered: number;
    readonly alreadyRegistered: number;
    readonly rejected: number;
  }
>;

export const rosterImportStreamId = (importId: string): string => `roster-import-${importId}`;
