// Two projects: `unit` (*.spec.ts, pure, no infrastructure) and `integration`
// (*.int-spec.ts and test/*.e2e-spec.ts, against the real PostgreSQL and NATS).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
// the web console's components (React, JSX; apps/console): their tests run in jsdom
const swcTsx = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
  },
];
const moduleNameMapper = {
  '^@jineng/(.*)$': '<rootDir>/libs/$1/src/index.ts',
};
// packages that ship only ES modules, compiled to CommonJS for Jest (see the transformer)
const ESM_PACKAGES = [
  '@nestjs',
  'jose',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  '@seriousme',
];
const common = {
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': swc,
    [`node_modules/(${ESM_PACKAGES.join('|')})/.+\\.m?js$`]:
      '<rootDir>/scripts/jest/esm-package-transformer.cjs',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,scripts}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'console',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/console/src/**/*.spec.tsx'],
      transform: { '^.+\\.tsx?$': swcTsx },
      moduleNameMapper: {
        ...moduleNameMapper,
        '\\.css$': '<rootDir>/apps/console/src/testing/style-stub.cjs',
      },
      setupFilesAfterEnv: ['<rootDir>/apps/console/src/testing/setup.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infrastructure/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/infrastructure/integration-setup.ts'],
    },
  ],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
