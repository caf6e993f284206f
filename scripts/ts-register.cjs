// Lets plain `node -r ./scripts/ts-register.cjs file.ts` run TypeScript (benchmarks, tools) without a build:
// SWC compiles each .ts file on require, and `@jineng/<lib>` resolves to libs/<lib>/src/index.ts.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const alias = /^@jineng\/([^/]+)$/.exec(request);
  if (alias) request = path.join(root, 'libs', alias[1], 'src', 'index.ts');
  return resolveFilename.call(this, request, parent, ...rest);
};
require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  });
  module._compile(code, filename);
};
