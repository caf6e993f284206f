// Preloaded into the built services (`node -r scripts/infra/register-paths.cjs dist/apps/...`):
// `tsc` keeps the `@jineng/*` import specifiers of tsconfig.base.json "paths" as they are, so at
// run time they are mapped here to the compiled files under dist/ (libs/x/src/index.ts ->
// dist/libs/x/src/index.js). Specifiers that are not in "paths" resolve as usual.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const repoRoot = path.resolve(__dirname, '..', '..');
const distRoot = path.join(repoRoot, 'dist');

function readPaths() {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tsconfig.base.json'), 'utf8'));
    return config.compilerOptions?.paths ?? {};
  } catch {
    return {};
  }
}

const toDist = (target) => path.join(distRoot, target.replace(/\.tsx?$/, '.js').replace(/\.d\.js$/, '.js'));

const exact = new Map();
const prefixes = [];
for (const [key, targets] of Object.entries(readPaths())) {
  const target = Array.isArray(targets) ? targets[0] : undefined;
  if (!target) continue;
  if (key.endsWith('/*') && target.endsWith('/*')) prefixes.push([key.slice(0, -1), target.slice(0, -1)]);
  else exact.set(key, toDist(target));
}

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithPaths(request, parent, isMain, options) {
  let mapped = exact.get(request);
  if (!mapped) {
    for (const [from, to] of prefixes) {
      if (request.startsWith(from)) {
        mapped = path.join(distRoot, to, request.slice(from.length));
        break;
      }
    }
  }
  return originalResolve.call(this, mapped ?? request, parent, isMain, options);
};
