// What the subsidy service injects besides the runtime's tokens.

/** Where "now" comes from: commands' business time and "today" for the effective policy. */
export const SUBSIDY_CLOCK = Symbol('SUBSIDY_CLOCK');
