// The caps that keep one roster import from taking the registry down (issue #9): how large a file may
// be, what an .xlsx may inflate to and by how much, how many rows are read, and how many imports run at
// once. From the environment, checked at start (a bad value stops the start, naming it); the defaults
// and the reasons for them are in the registry README.

export interface RosterLimits {
  /** the file as uploaded: inline, or all its parts together (checked at every part) */
  readonly maxFileBytes: number;
  /** what an .xlsx inflates to, counted as it inflates, over every part of it that is read */
  readonly maxUncompressedBytes: number;
  /** inflated ÷ compressed size of one zip part, once it inflated `RATIO_GRACE_BYTES` */
  readonly maxCompressionRatio: number;
  /** data rows (not empty, below the header); reading stops at the first one past it */
  readonly maxRows: number;
  /** imports one user runs at once */
  readonly maxImportsPerUser: number;
  /** imports this registry process runs at once, all users together */
  readonly maxImports: number;
}

export const DEFAULT_ROSTER_LIMITS: RosterLimits = {
  maxFileBytes: 32 * 1024 * 1024,
  maxUncompressedBytes: 128 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxRows: 100_000,
  maxImportsPerUser: 1,
  maxImports: 4,
};

/** A part's ratio is judged once it inflated this much (the lists lib's sheet reader decides it). */
export { RATIO_GRACE_BYTES } from '@jineng/lists';

const VARIABLES: Readonly<Record<keyof RosterLimits, string>> = {
  maxFileBytes: 'JINENG_ROSTER_MAX_FILE_BYTES',
  maxUncompressedBytes: 'JINENG_ROSTER_MAX_UNCOMPRESSED_BYTES',
  maxCompressionRatio: 'JINENG_ROSTER_MAX_COMPRESSION_RATIO',
  maxRows: 'JINENG_ROSTER_MAX_ROWS',
  maxImportsPerUser: 'JINENG_ROSTER_MAX_IMPORTS_PER_USER',
  maxImports: 'JINENG_ROSTER_MAX_IMPORTS',
};

export class RosterLimitsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid roster import limits:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RosterLimitsError';
  }
}

export function rosterLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RosterLimits {
  const problems: string[] = [];
  const limits = Object.fromEntries(
    (Object.keys(VARIABLES) as (keyof RosterLimits)[]).map((key) => {
      const name = VARIABLES[key];
      const raw = env[name];
      if (raw === undefined || raw === '') return [key, DEFAULT_ROSTER_LIMITS[key]];
      const value = Number(raw);
      if (!Number.isSafeInteger(value) || value < 1) {
        problems.push(`${name} must be a whole number of at least 1 (got '${raw}')`);
        return [key, DEFAULT_ROSTER_LIMITS[key]];
      }
      return [key, value];
    }),
  ) as unknown as RosterLimits;
  if (limits.maxImportsPerUser > limits.maxImports)
    problems.push(
      `${VARIABLES.maxImportsPerUser} (${limits.maxImportsPerUser}) cannot exceed ${VARIABLES.maxImports} (${limits.maxImports})`,
    );
  if (problems.length > 0) throw new RosterLimitsError(problems);
  return limits;
}
