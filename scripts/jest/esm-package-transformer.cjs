// Jest (on Node 20) cannot require ES modules, and NestJS 12 and jose ship only ES modules.
// Node itself loads them (require(esm)), so only the tests need this: compile those packages to
// CommonJS with SWC. `import.meta.url` has no CommonJS form, so it becomes the file's URL — via
// `module.require`, because packages such as @nestjs/swagger declare a `require` of their own.
const { transformSync } = require('@swc/core');

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

module.exports = {
  process(source, filename) {
    const code = source.replace(IMPORT_META_URL, 'module.require("node:url").pathToFileURL(__filename).href');
    const out = transformSync(code, {
      filename,
      sourceMaps: 'inline',
      jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
      module: { type: 'commonjs', ignoreDynamic: false },
    });
    return { code: out.code };
  },
  getCacheKey(source, filename) {
    return require('node:crypto')
      .createHash('sha256')
      .update('esm-package-transformer.v2')
      .update(filename)
      .update(source)
      .digest('hex');
  },
};
