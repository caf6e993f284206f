import { RuleTester } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('./index.js');

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
  languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' },
});

tester.run('pure-domain', plugin.rules['pure-domain'], {
  valid: [
    {
      filename: '/r/apps/class-ops/src/class/domain/class.decide.ts',
      code: "import { Money } from '@jineng/kernel';",
    },
    {
      filename: '/r/apps/class-ops/src/class/open-class/open-class.handler.ts',
      code: "import { Injectable } from '@nestjs/common';",
    },
  ],
  invalid: [
    {
      filename: '/r/apps/class-ops/src/class/domain/class.decide.ts',
      code: "import { Injectable } from '@nestjs/common';",
      errors: [{ messageId: 'framework' }],
    },
    {
      filename: '/r/apps/x/src/a/domain/a.state.ts',
      code: "import { Entity } from 'typeorm';",
      errors: [{ messageId: 'framework' }],
    },
    {
      filename: '/r/apps/x/src/a/domain/a.state.ts',
      code: "const pg = require('pg');",
      errors: [{ messageId: 'framework' }],
    },
    {
      filename: '/r/apps/x/src/a/domain/a.state.ts',
      code: "export * from '@nats-io/jetstream';",
      errors: [{ messageId: 'framework' }],
    },
  ],
});

tester.run('no-cross-app-import', plugin.rules['no-cross-app-import'], {
  valid: [
    { filename: '/r/apps/subsidy/src/claim/a.ts', code: "import { b } from '../policy/b';" },
    { filename: '/r/apps/subsidy/src/claim/a.ts', code: "import { Money } from '@jineng/kernel';" },
  ],
  invalid: [
    {
      filename: '/r/apps/subsidy/src/claim/a.ts',
      code: "import { x } from '../../../registry/src/worker/x';",
      errors: [{ messageId: 'crossApp' }],
    },
    {
      filename: '/r/apps/subsidy/src/claim/a.ts',
      code: "import { x } from 'apps/registry/src/x';",
      errors: [{ messageId: 'crossApp' }],
    },
    {
      filename: '/r/libs/kernel/src/a.ts',
      code: "import { x } from '../../../apps/registry/src/x';",
      errors: [{ messageId: 'crossApp' }],
    },
  ],
});
