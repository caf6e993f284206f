// `npm run contracts:generate`: proto/**/*.proto → libs/contracts/src/generated/, one TypeScript file
// per proto package plus index.ts. Deterministic (sorted, no timestamps) and Prettier-formatted, so the
// committed files only change when a contract does, and contracts:check can compare them byte for byte.
//
//   node scripts/contracts/generate.mjs [--proto <dir>] [--out <dir>]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { buildModel } from './contract-model.mjs';
import { loadProtos } from './load-protos.mjs';
import { renderIndex, renderPackage } from './render-typescript.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PROTO_DIR = path.join(REPO, 'proto');
export const GENERATED_DIR = path.join(REPO, 'libs/contracts/src/generated');

/** The generated files, file name → content, in name order. */
export async function generateContracts(protoDir = PROTO_DIR) {
  const model = buildModel(loadProtos(protoDir));
  const files = new Map();
  for (const pkg of model.packages) files.set(pkg.file, renderPackage(pkg, model));
  files.set('index.ts', renderIndex(model));
  // the repository's Prettier options, wherever the files are written
  const options = {
    ...(await prettier.resolveConfig(path.join(GENERATED_DIR, 'index.ts'))),
    parser: 'typescript',
  };
  const formatted = new Map();
  for (const name of [...files.keys()].sort())
    formatted.set(name, await prettier.format(files.get(name), options));
  return formatted;
}

/** Writes the files into `outDir`, which the generator owns: any other .ts file there is removed. */
export function writeContracts(files, outDir) {
  mkdirSync(outDir, { recursive: true });
  for (const entry of readdirSync(outDir)) {
    if (entry.endsWith('.ts') && !files.has(entry)) rmSync(path.join(outDir, entry));
  }
  for (const [name, content] of files) {
    const file = path.join(outDir, name);
    // unchanged files keep their timestamps: watchers and incremental builds see no change
    if (readIfExists(file) !== content) writeFileSync(file, content);
  }
}

export function readIfExists(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Runs `main`, printing a contract mistake as one line (it names the file and field) without a stack. */
export async function runCli(main) {
  try {
    process.exitCode = await main();
  } catch (error) {
    process.stderr.write(`contracts: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCli(async () => {
    const { values } = parseArgs({ options: { proto: { type: 'string' }, out: { type: 'string' } } });
    const outDir = path.resolve(values.out ?? GENERATED_DIR);
    const files = await generateContracts(path.resolve(values.proto ?? PROTO_DIR));
    writeContracts(files, outDir);
    process.stdout.write(
      `contracts: ${files.size} files in ${path.relative(process.cwd(), outDir) || '.'}\n`,
    );
    return 0;
  });
}
