import { DEFAULT_ROSTER_LIMITS, rosterLimitsFromEnv } from './roster-limits';

describe('roster limits from the environment', () => {
  it('has defaults for every limit', () => {
    expect(rosterLimitsFromEnv({})).toEqual({
      maxFileBytes: 32 * 1024 * 1024,
      maxUncompressedBytes: 128 * 1024 * 1024,
      maxCompressionRatio: 100,
      maxRows: 100_000,
      maxImportsPerUser: 1,
      maxImports: 4,
    });
  });

  it('takes each from its variable', () => {
    expect(
      rosterLimitsFromEnv({
        JINENG_ROSTER_MAX_FILE_BYTES: '1048576',
        JINENG_ROSTER_MAX_UNCOMPRESSED_BYTES: '8388608',
        JINENG_ROSTER_MAX_COMPRESSION_RATIO: '50',
        JINENG_ROSTER_MAX_ROWS: '2000',
        JINENG_ROSTER_MAX_IMPORTS_PER_USER: '2',
        JINENG_ROSTER_MAX_IMPORTS: '8',
      }),
    ).toEqual({
      maxFileBytes: 1048576,
      maxUncompressedBytes: 8388608,
      maxCompressionRatio: 50,
      maxRows: 2000,
      maxImportsPerUser: 2,
      maxImports: 8,
    });
  });

  it('refuses bad values, naming every one', () => {
    expect(() =>
      rosterLimitsFromEnv({
        JINENG_ROSTER_MAX_ROWS: 'lots',
        JINENG_ROSTER_MAX_FILE_BYTES: '0',
        JINENG_ROSTER_MAX_IMPORTS_PER_USER: '5',
      }),
    ).toThrow(
      [
        'invalid roster import limits:',
        "  - JINENG_ROSTER_MAX_FILE_BYTES must be a whole number of at least 1 (got '0')",
        "  - JINENG_ROSTER_MAX_ROWS must be a whole number of at least 1 (got 'lots')",
        `  - JINENG_ROSTER_MAX_IMPORTS_PER_USER (5) cannot exceed JINENG_ROSTER_MAX_IMPORTS (${DEFAULT_ROSTER_LIMITS.maxImports})`,
      ].join('\n'),
    );
  });
});
