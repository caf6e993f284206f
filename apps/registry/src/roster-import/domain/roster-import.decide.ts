// A roster import's own record: once per import, and only when it registered someone, so that
// re-uploading the same file changes nothing at all (every row is then already registered).
import type { Command, Decider } from '@jineng/ddd';
import type { RosterImported } from './roster-import.events';

export type RecordRosterImport = Command<'RecordRosterImport', RosterImported['data']>;
export type RosterImportState = { readonly recorded: boolean };

export const rosterImportDecider: Decider<RecordRosterImport, RosterImportState, RosterImported> = {
  initialState: () => ({ recorded: false }),
  decide: (command, state) =>
    state.recorded || command.data.registered === 0
      ? []
      : [{ type: 'RosterImported.v1', data: { ...command.data } }],
  evolve: () => ({ recorded: true }),
};
