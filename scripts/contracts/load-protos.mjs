// Loads every .proto under a directory with protobufjs' own parser (no protoc binary), the way
// `protoc -I <dir>` would: imports are relative to that directory, google/protobuf/* come with protobufjs.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import protobuf from 'protobufjs';

const require = createRequire(import.meta.url);

/** Every .proto file under `dir`, as sorted posix paths relative to it. */
export function listProtoFiles(dir) {
  const found = [];
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.proto')) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

const PACKAGE_LINE = /^\s*package\s+([\w.]+)\s*;/m;
const SYNTAX_LINE = /^\s*syntax\s*=\s*"([^"]+)"\s*;/m;

/**
 * Parses and links all files. Each must be proto3 and live in the directory its package names
 * (jineng.common.v1 → jineng/common/v1/), so a message is found where its name says.
 * Returns the linked root and the directory, against which sources are named.
 */
export function loadProtos(protoDir) {
  const dir = path.resolve(protoDir);
  const files = listProtoFiles(dir);
  if (files.length === 0) throw new Error(`no .proto files under ${protoDir}`);
  for (const file of files) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const syntax = SYNTAX_LINE.exec(source)?.[1];
    if (syntax !== 'proto3') throw new Error(`proto/${file}: contracts are proto3 (syntax = "proto3";)`);
    const pkg = PACKAGE_LINE.exec(source)?.[1];
    if (!pkg) throw new Error(`proto/${file}: declares no package`);
    if (path.posix.dirname(file) !== pkg.split('.').join('/')) {
      throw new Error(`proto/${file}: package ${pkg} belongs in ${pkg.split('.').join('/')}/`);
    }
    try {
      // parsed alone first, so that a syntax error names its file (the linked load below does not)
      protobuf.parse(source, new protobuf.Root(), { keepCase: true });
    } catch (error) {
      throw new Error(`proto/${file}: ${error.message}`);
    }
  }

  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) =>
    target.startsWith('google/protobuf/') ? require.resolve(`protobufjs/${target}`) : path.join(dir, target);
  // keepCase: field names stay as written (user_id); the generator derives JSON names itself.
  // alternateCommentMode: a `//` comment right above a message or field becomes its documentation.
  root.loadSync(files, { keepCase: true, alternateCommentMode: true });
  return { root, dir };
}

/** `proto/<path relative to the proto root>`: stable whichever directory was loaded. */
export function sourceOf(loaded, filename) {
  return `proto/${path.relative(loaded.dir, filename).split(path.sep).join('/')}`;
}
