// Import boundaries of ARCHITECTURE.md §1/§2, enforced at lint time so that the build fails:
//  - `pure-domain`: code in a `domain/` folder imports no framework or driver;
//  - `no-cross-app-import`: an app never imports another app's code (it learns from events instead).
const path = require('node:path');

const FRAMEWORKS = [/^@nestjs\//, /^typeorm(\/|$)/, /^pg(\/|$)/, /^pg-/, /^nats(\/|$)/, /^@nats-io\//];

function importSources(context, check) {
  const visit = (node) =>
    node.source && typeof node.source.value === 'string' && check(node, node.source.value);
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
        const arg = node.arguments[0];
        if (arg && arg.type === 'Literal' && typeof arg.value === 'string') check(node, arg.value);
      }
    },
  };
}

const normalise = (file) => file.split(path.sep).join('/');

const pureDomain = {
  meta: {
    type: 'problem',
    docs: { description: 'domain/ folders stay free of frameworks and drivers' },
    messages: { framework: "domain code must not import '{{source}}': keep deciders pure (ARCHITECTURE §2)" },
    schema: [],
  },
  create(context) {
    const file = normalise(context.filename);
    if (!/\/domain\//.test(file)) return {};
    return importSources(context, (node, source) => {
      if (FRAMEWORKS.some((re) => re.test(source)))
        context.report({ node, messageId: 'framework', data: { source } });
    });
  },
};

const appOf = (file) => {
  const m = /(?:^|\/)apps\/([^/]+)\//.exec(file);
  return m ? m[1] : undefined;
};

const noCrossAppImport = {
  meta: {
    type: 'problem',
    docs: { description: 'an app never imports another app' },
    messages: {
      crossApp:
        "app '{{from}}' must not import app '{{to}}' ('{{source}}'): consume its events instead (ARCHITECTURE §1)",
    },
    schema: [],
  },
  create(context) {
    const file = normalise(context.filename);
    const from = appOf(file);
    return importSources(context, (node, source) => {
      let target;
      if (source.startsWith('.')) target = appOf(normalise(path.resolve(path.dirname(file), source)) + '/');
      else if (/^(@jineng\/)?apps\//.test(source))
        target = appOf('/' + source.replace(/^@jineng\//, '') + '/');
      if (target && target !== from) {
        context.report({
          node,
          messageId: 'crossApp',
          data: { from: from ?? '(outside apps)', to: target, source },
        });
      }
    });
  },
};

module.exports = { rules: { 'pure-domain': pureDomain, 'no-cross-app-import': noCrossAppImport } };
