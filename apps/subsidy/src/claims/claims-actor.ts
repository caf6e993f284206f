// Who acts when claims issue commands themselves (a process manager on an event, a scheduler's tick).
export const CLAIMS_ACTOR = { userId: 'system:subsidy-claims', roles: ['system'] } as const;
