// From the linked protobufjs root to the model the renderers need: per package its enums and messages,
// each field with its JSON name, JSON type and rules, each message with its kind and NATS subject.
// Everything the options allow is checked here, so a mistake in proto/ fails generation with the file
// and field to fix instead of producing a contract that silently checks less.
import protobuf from 'protobufjs';
import { sourceOf } from './load-protos.mjs';

const OPTIONS_PACKAGE = 'jineng.options.v1';
const FIELD_OPTION = `(${OPTIONS_PACKAGE}.field)`;
const MESSAGE_OPTION = `(${OPTIONS_PACKAGE}.message)`;

const PACKAGE = /^jineng\.([a-z][a-z0-9_]*)\.v([1-9][0-9]*)$/;
const MESSAGE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const FIELD_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;
// the same rules as libs/messaging/src/subjects.ts
const SERVICE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SUBJECT_NAME = /^[A-Z][A-Za-z0-9]*$/;

const KINDS = {
  KIND_UNSPECIFIED: 'type',
  KIND_COMMAND: 'command',
  KIND_QUERY: 'query',
  KIND_EVENT: 'event',
  KIND_REPLY: 'reply',
  KIND_TYPE: 'type',
};
const SUBJECT_PREFIX = { command: 'cmd', query: 'qry', event: 'evt' };

// JSON Schema format names: the standard ones where there is one
const FORMATS = {
  FORMAT_UUID: 'uuid',
  FORMAT_DATE: 'date',
  FORMAT_DATE_TIME: 'date-time',
  FORMAT_JURISDICTION: 'jurisdiction',
  FORMAT_RESIDENT_ID: 'resident-id',
  FORMAT_CREDIT_CODE: 'credit-code',
  FORMAT_MONEY_FEN: 'money-fen',
  FORMAT_SIGNED_MONEY_FEN: 'signed-money-fen',
};

const INT32 = { min: -2147483648, max: 2147483647 };
const UINT32 = { min: 0, max: 4294967295 };
// proto3 JSON: 64-bit integers are decimal strings (a JSON number cannot hold them exactly)
const SCALARS = {
  string: { json: 'string' },
  bool: { json: 'boolean' },
  double: { json: 'number' },
  float: { json: 'number' },
  int32: { json: 'integer', ...INT32 },
  sint32: { json: 'integer', ...INT32 },
  sfixed32: { json: 'integer', ...INT32 },
  uint32: { json: 'integer', ...UINT32 },
  fixed32: { json: 'integer', ...UINT32 },
  int64: { json: 'int64-string', pattern: '^-?(0|[1-9][0-9]*)$' },
  sint64: { json: 'int64-string', pattern: '^-?(0|[1-9][0-9]*)$' },
  sfixed64: { json: 'int64-string', pattern: '^-?(0|[1-9][0-9]*)$' },
  uint64: { json: 'int64-string', pattern: '^(0|[1-9][0-9]*)$' },
  fixed64: { json: 'int64-string', pattern: '^(0|[1-9][0-9]*)$' },
  bytes: { json: 'string', pattern: '^[A-Za-z0-9+/_-]*={0,2}$' },
};
const WELL_KNOWN = {
  'google.protobuf.Struct': 'struct',
  'google.protobuf.Value': 'value',
  'google.protobuf.ListValue': 'list',
};

// the FieldRules keys this generator implements; options.proto and this list must agree
const FIELD_RULES = [
  'required',
  'pattern',
  'min_length',
  'max_length',
  'minimum',
  'maximum',
  'format',
  'allowed',
  'min_items',
  'max_items',
];
const MESSAGE_RULES = ['kind', 'service', 'name', 'extensible'];

class ContractError extends Error {}

const fail = (where, message) => {
  throw new ContractError(`${where}: ${message}`);
};

/** proto3 JSON mapping: user_id → userId */
export const jsonNameOf = (protoName) => protoName.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

const typeNameOf = (reflection) => reflection.fullName.replace(/^\./, '');

/** `common` + 1 → `commonV1`, `class_ops` + 2 → `classOpsV2` */
const namespaceOf = (area, version) => `${jsonNameOf(area)}V${version}`;

export function buildModel(loaded) {
  const { root } = loaded;
  checkRuleLists(root);
  const packages = new Map();
  const byTypeName = new Map();

  const visit = (namespace) => {
    for (const nested of namespace.nestedArray) {
      const typeName = typeNameOf(nested);
      if (typeName.startsWith('google.') || typeName.startsWith(`${OPTIONS_PACKAGE}.`)) continue;
      if (nested instanceof protobuf.Type || nested instanceof protobuf.Enum) {
        const pkg = packageFor(packages, nested);
        byTypeName.set(
          typeName,
          nested instanceof protobuf.Type ? { type: nested, pkg } : { enum: nested, pkg },
        );
        if (nested instanceof protobuf.Type && nested.extensions) {
          fail(where(loaded, nested), 'extension ranges are not part of contracts');
        }
      } else if (nested instanceof protobuf.Field) {
        fail(typeName, `only ${OPTIONS_PACKAGE} may extend options`);
      } else if (nested instanceof protobuf.Service) {
        fail(where(loaded, nested), 'services are not part of contracts: subjects come from message options');
      }
      if (nested.nestedArray) visit(nested);
    }
  };
  visit(root);

  const model = { packages: [] };
  for (const pkg of [...packages.values()].sort((a, b) => compare(a.name, b.name))) {
    for (const [typeName, entry] of byTypeName) {
      if (entry.pkg !== pkg) continue;
      if (entry.enum) pkg.enums.push(buildEnum(loaded, entry.enum, pkg));
      else pkg.messages.push(buildMessage(loaded, entry.type, pkg, byTypeName, typeName));
    }
    pkg.enums.sort((a, b) => compare(a.typeName, b.typeName));
    pkg.messages.sort((a, b) => compare(a.typeName, b.typeName));
    pkg.sources = [...new Set([...pkg.enums, ...pkg.messages].map((m) => m.source))].sort();
    checkTsNames(pkg);
    model.packages.push(pkg);
  }
  checkSubjects(model);
  return model;
}

function packageFor(packages, reflection) {
  let namespace = reflection.parent;
  while (namespace instanceof protobuf.Type) namespace = namespace.parent;
  const name = typeNameOf(namespace);
  let pkg = packages.get(name);
  if (!pkg) {
    const m = PACKAGE.exec(name);
    if (!m) fail(name, 'a contract package is named jineng.<area>.v<N>, e.g. jineng.class_ops.v1');
    pkg = {
      name,
      area: m[1],
      version: Number(m[2]),
      namespace: namespaceOf(m[1], m[2]),
      file: `${m[1].replace(/_/g, '-')}.v${m[2]}.ts`,
      enums: [],
      messages: [],
    };
    packages.set(name, pkg);
  }
  return pkg;
}

/** `Outer.Inner` inside its package → `Outer_Inner` */
const tsNameOf = (reflection, pkg) =>
  typeNameOf(reflection)
    .slice(pkg.name.length + 1)
    .replace(/\./g, '_');

function where(loaded, reflection) {
  const file = reflection.filename ? sourceOf(loaded, reflection.filename) : '(unknown file)';
  return `${file}: ${typeNameOf(reflection)}`;
}

function buildEnum(loaded, enumType, pkg) {
  const at = where(loaded, enumType);
  if (!MESSAGE_NAME.test(enumType.name)) fail(at, 'enum names are PascalCase');
  const values = Object.entries(enumType.values)
    // the zero value of proto3 means "not set": in the JSON form the field is left out instead
    .filter(([name, number]) => !(number === 0 && name.endsWith('_UNSPECIFIED')))
    .map(([name]) => name);
  for (const name of values)
    if (!ENUM_VALUE.test(name)) fail(at, `enum value ${name} is not UPPER_SNAKE_CASE`);
  if (values.length === 0) fail(at, 'an enum needs a value besides its zero *_UNSPECIFIED');
  return {
    typeName: typeNameOf(enumType),
    tsName: tsNameOf(enumType, pkg),
    comment: enumType.comment ?? undefined,
    source: sourceOf(loaded, enumType.filename),
    values,
  };
}

function buildMessage(loaded, type, pkg, byTypeName, typeName) {
  const at = where(loaded, type);
  if (!MESSAGE_NAME.test(type.name)) fail(at, 'message names are PascalCase');
  const rules = readRules(at, type, MESSAGE_OPTION, MESSAGE_RULES);
  if (rules.extensible !== undefined && typeof rules.extensible !== 'boolean')
    fail(at, 'extensible is a bool');
  const kind = KINDS[enumName(loaded.root, 'Kind', rules.kind ?? 'KIND_UNSPECIFIED', at)];
  const message = {
    typeName,
    tsName: tsNameOf(type, pkg),
    comment: type.comment ?? undefined,
    source: sourceOf(loaded, type.filename),
    kind,
    extensible: rules.extensible === true,
    fields: [],
  };

  if (SUBJECT_PREFIX[kind]) {
    const aKind = `${kind === 'event' ? 'an' : 'a'} ${kind}`;
    if (type.parent instanceof protobuf.Type) fail(at, `${aKind} is a top-level message`);
    const service = rules.service;
    if (typeof service !== 'string' || !SERVICE.test(service)) {
      fail(at, `${aKind} names its service, one subject token such as "class-ops"`);
    }
    const name = rules.name ?? type.name;
    if (typeof name !== 'string' || !SUBJECT_NAME.test(name)) fail(at, `name '${name}' is not PascalCase`);
    message.service = service;
    message.name = name;
    if (kind === 'event') {
      message.eventType = `${name}.v${pkg.version}`;
      message.subject = `jineng.evt.${service}.${name}.v${pkg.version}`;
    } else {
      message.subject = `jineng.${SUBJECT_PREFIX[kind]}.${service}.${name}`;
    }
  } else if (rules.service !== undefined || rules.name !== undefined) {
    fail(at, `service and name are for commands, queries and events, not a ${kind}`);
  }

  const jsonNames = new Set();
  for (const field of type.fieldsArray) {
    const built = buildField(loaded, `${at}.${field.name}`, field, byTypeName);
    if (jsonNames.has(built.jsonName)) fail(`${at}.${field.name}`, `JSON name ${built.jsonName} is taken`);
    jsonNames.add(built.jsonName);
    message.fields.push(built);
  }
  return message;
}

function buildField(loaded, at, field, byTypeName) {
  if (!FIELD_NAME.test(field.name)) fail(at, 'field names are lower_snake_case');
  for (const key of Object.keys(field.options ?? {})) {
    if (key === 'proto3_optional' || key.startsWith(`${FIELD_OPTION}.`)) continue;
    if (key === 'json_name') fail(at, 'JSON names are always the lowerCamelCase of the field name');
    fail(at, `option ${key} is not supported in contracts`);
  }
  if (field.partOf && !field.options?.proto3_optional) {
    fail(at, 'oneof is not supported: use optional fields and check the combination in the handler');
  }
  const rules = readRules(at, field, FIELD_OPTION, FIELD_RULES);
  const built = {
    protoName: field.name,
    jsonName: jsonNameOf(field.name),
    comment: field.comment ?? undefined,
    required: checkBool(at, rules, 'required'),
    repeated: field.repeated,
    map: field.map,
  };
  built.value = valueOf(at, field, byTypeName);
  if (field.map) {
    if (field.keyType !== 'string') fail(at, 'map keys are strings in contracts (map<string, ...>)');
    const extra = Object.keys(rules).filter((key) => key !== 'required');
    if (extra.length > 0) fail(at, `only 'required' applies to a map field, not ${extra.join(', ')}`);
  }
  built.rules = checkRules(loaded, at, rules, built);
  return built;
}

function valueOf(at, field, byTypeName) {
  if (field.resolvedType) {
    const typeName = typeNameOf(field.resolvedType);
    if (WELL_KNOWN[typeName]) return { kind: WELL_KNOWN[typeName] };
    const entry = byTypeName.get(typeName);
    if (!entry) {
      const hint = typeName === 'google.protobuf.Timestamp' ? ': use a string with FORMAT_DATE_TIME' : '';
      fail(
        at,
        `${typeName} cannot be part of a contract (only jineng.* types and Struct/Value/ListValue)${hint}`,
      );
    }
    const ref = { typeName, tsName: tsNameOf(field.resolvedType, entry.pkg), pkg: entry.pkg };
    return entry.enum ? { kind: 'enum', ...ref } : { kind: 'message', ...ref };
  }
  const scalar = SCALARS[field.type];
  if (!scalar) fail(at, `type ${field.type} is not supported`);
  return { kind: 'scalar', protoType: field.type, ...scalar };
}

function readRules(at, reflection, option, known) {
  const merged = {};
  for (const entry of reflection.parsedOptions ?? []) {
    for (const [key, value] of Object.entries(entry)) {
      if (key !== option) continue;
      for (const [rule, ruleValue] of Object.entries(value)) {
        if (!known.includes(rule)) fail(at, `${option} has no rule '${rule}'`);
        // `allowed` may be given as a list or as repeated single values: either way, one list
        merged[rule] = rule === 'allowed' ? [...(merged.allowed ?? []), ...[ruleValue].flat()] : ruleValue;
      }
    }
  }
  return merged;
}

function checkBool(at, rules, key) {
  const value = rules[key] ?? false;
  if (typeof value !== 'boolean') fail(at, `${key} is a bool`);
  return value;
}

function enumName(root, enumName, value, at) {
  const type = root.lookupEnum(`${OPTIONS_PACKAGE}.${enumName}`);
  const name = typeof value === 'number' ? type.valuesById[value] : value;
  if (typeof name !== 'string' || !(name in type.values)) fail(at, `${String(value)} is not a ${enumName}`);
  return name;
}

const isCount = (value) => Number.isSafeInteger(value) && value >= 0;

/** Which rules fit which JSON type, and that they are consistent; returns the rules the schema uses. */
function checkRules(loaded, at, rules, field) {
  const { value } = field;
  const isString = value.kind === 'scalar' && value.protoType === 'string';
  const out = {};
  if (rules.format !== undefined) {
    const format = FORMATS[enumName(loaded.root, 'Format', rules.format, at)];
    if (!format) fail(at, 'format FORMAT_UNSPECIFIED means no format: leave it out');
    if (format === 'money-fen' || format === 'signed-money-fen') {
      if (!(value.kind === 'scalar' && ['int64', 'uint64'].includes(value.protoType))) {
        fail(
          at,
          `${format === 'money-fen' ? 'FORMAT_MONEY_FEN' : 'FORMAT_SIGNED_MONEY_FEN'} is for int64 fields (integer fen)`,
        );
      }
    } else if (!isString) {
      fail(at, `format ${format} is for string fields`);
    }
    out.format = format;
  }
  const numeric =
    value.kind === 'scalar' &&
    (['integer', 'number'].includes(value.json) ||
      out.format === 'money-fen' ||
      out.format === 'signed-money-fen');
  for (const key of ['pattern', 'allowed', 'min_length', 'max_length']) {
    if (rules[key] !== undefined && !isString) fail(at, `${key} is for string fields`);
  }
  for (const key of ['minimum', 'maximum']) {
    if (rules[key] === undefined) continue;
    if (!numeric) fail(at, `${key} is for number fields (an int64 is a string in JSON)`);
    if (typeof rules[key] !== 'number' || !Number.isFinite(rules[key])) fail(at, `${key} is a number`);
    out[key] = rules[key];
  }
  if (out.minimum !== undefined && out.maximum !== undefined && out.minimum > out.maximum) {
    fail(at, 'minimum is above maximum');
  }
  for (const key of ['min_length', 'max_length', 'min_items', 'max_items']) {
    if (rules[key] === undefined) continue;
    if (!isCount(rules[key])) fail(at, `${key} is a non-negative integer`);
    if (key.endsWith('_items') && !field.repeated) fail(at, `${key} is for repeated fields`);
    out[key] = rules[key];
  }
  if (out.min_length > out.max_length) fail(at, 'min_length is above max_length');
  if (out.min_items > out.max_items) fail(at, 'min_items is above max_items');
  if (rules.pattern !== undefined) {
    if (typeof rules.pattern !== 'string' || rules.pattern === '') fail(at, 'pattern is a non-empty string');
    try {
      new RegExp(rules.pattern, 'u');
    } catch (error) {
      fail(at, `pattern ${rules.pattern} is not a valid regular expression: ${error.message}`);
    }
    out.pattern = rules.pattern;
  }
  if (rules.allowed !== undefined) {
    const allowed = [rules.allowed].flat();
    if (allowed.length === 0 || allowed.some((v) => typeof v !== 'string')) fail(at, 'allowed lists strings');
    if (new Set(allowed).size !== allowed.length) fail(at, 'allowed lists a value twice');
    const redundant = ['pattern', 'format', 'min_length', 'max_length'].filter(
      (key) => rules[key] !== undefined,
    );
    if (redundant.length > 0) fail(at, `allowed fixes the values already: drop ${redundant.join(', ')}`);
    out.allowed = allowed;
  }
  return out;
}

function checkRuleLists(root) {
  for (const [typeName, known] of [
    ['FieldRules', FIELD_RULES],
    ['MessageRules', MESSAGE_RULES],
  ]) {
    const declared = root.lookupType(`${OPTIONS_PACKAGE}.${typeName}`).fieldsArray.map((f) => f.name);
    const missing = declared.filter((name) => !known.includes(name));
    if (missing.length > 0) {
      throw new ContractError(`${OPTIONS_PACKAGE}.${typeName}: the generator does not implement ${missing}`);
    }
  }
}

function checkTsNames(pkg) {
  const taken = new Map();
  const claim = (name, by) => {
    if (taken.has(name)) fail(pkg.name, `${by} and ${taken.get(name)} both need the TypeScript name ${name}`);
    taken.set(name, by);
  };
  for (const e of pkg.enums) claim(e.tsName, e.typeName);
  for (const m of pkg.messages) {
    claim(m.tsName, m.typeName);
    claim(`${m.tsName}Schema`, m.typeName);
  }
}

function checkSubjects(model) {
  const seen = new Map();
  for (const pkg of model.packages) {
    for (const m of pkg.messages) {
      if (!m.subject) continue;
      if (seen.has(m.subject)) fail(m.typeName, `subject ${m.subject} is also ${seen.get(m.subject)}'s`);
      seen.set(m.subject, m.typeName);
    }
  }
}

/** Code-point order, not the locale's: the output must not depend on the machine. */
export const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export { ContractError };
