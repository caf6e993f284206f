// The JSON Schema (draft-07, the dialect Ajv runs by default and OpenAPI 3.0 tooling reads) of a
// message's JSON form. Messages refer to each other by `$ref: '<full type name>'`, which is also their
// `$id`, so one Ajv instance holding every contract resolves them all.

const MAX_SAFE_INTEGER = 9007199254740991;

export function messageSchema(message, enumsByName) {
  const properties = {};
  const required = [];
  for (const field of message.fields) {
    properties[field.jsonName] = fieldSchema(field, enumsByName);
    if (field.required) required.push(field.jsonName);
  }
  return {
    $id: message.typeName,
    ...(message.comment ? { description: prose(message.comment) } : {}),
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: message.extensible,
  };
}

/** A comment's lines, hard-wrapped in the .proto, as flowing text; blank lines stay paragraph breaks. */
const prose = (comment) =>
  comment
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').join(' '))
    .join('\n\n');

function fieldSchema(field, enumsByName) {
  const item = valueSchema(field.value, field.rules, enumsByName);
  const described = (schema) =>
    field.comment && !schema.$ref ? { description: prose(field.comment), ...schema } : schema;
  if (field.map) return described({ type: 'object', additionalProperties: item });
  if (!field.repeated) return described(item);
  return described({
    type: 'array',
    items: item,
    ...(field.rules.min_items !== undefined ? { minItems: field.rules.min_items } : {}),
    ...(field.rules.max_items !== undefined ? { maxItems: field.rules.max_items } : {}),
  });
}

function valueSchema(value, rules, enumsByName) {
  switch (value.kind) {
    case 'message':
      return { $ref: value.typeName };
    case 'enum':
      return { type: 'string', enum: enumsByName.get(value.typeName).values };
    case 'struct':
      return { type: 'object' };
    case 'list':
      return { type: 'array' };
    case 'value':
      return {};
    case 'scalar':
      return scalarSchema(value, rules);
  }
  throw new Error(`unknown value kind ${value.kind}`);
}

function scalarSchema(value, rules) {
  if (rules.format === 'money-fen') {
    // integer fen as a JSON number: exact up to 2^53 − 1 fen, like Money, which refuses anything larger
    return {
      type: 'integer',
      format: 'money-fen',
      minimum: Math.max(0, rules.minimum ?? 0),
      maximum: Math.min(MAX_SAFE_INTEGER, rules.maximum ?? MAX_SAFE_INTEGER),
    };
  }
  if (rules.format === 'signed-money-fen') {
    // integer fen that may be negative (a deduction line), exact within ±(2^53 − 1) like Money
    return {
      type: 'integer',
      format: 'signed-money-fen',
      minimum: Math.max(-MAX_SAFE_INTEGER, rules.minimum ?? -MAX_SAFE_INTEGER),
      maximum: Math.min(MAX_SAFE_INTEGER, rules.maximum ?? MAX_SAFE_INTEGER),
    };
  }
  switch (value.json) {
    case 'boolean':
      return { type: 'boolean' };
    case 'int64-string':
      return { type: 'string', pattern: value.pattern };
    case 'integer':
      return {
        type: 'integer',
        minimum: Math.max(value.min, rules.minimum ?? value.min),
        maximum: Math.min(value.max, rules.maximum ?? value.max),
      };
    case 'number':
      return {
        type: 'number',
        ...(rules.minimum !== undefined ? { minimum: rules.minimum } : {}),
        ...(rules.maximum !== undefined ? { maximum: rules.maximum } : {}),
      };
    case 'string':
      if (rules.allowed) return { type: 'string', enum: rules.allowed };
      return {
        type: 'string',
        ...(rules.format ? { format: rules.format } : {}),
        ...(rules.pattern ? { pattern: rules.pattern } : value.pattern ? { pattern: value.pattern } : {}),
        ...(rules.min_length !== undefined ? { minLength: rules.min_length } : {}),
        ...(rules.max_length !== undefined ? { maxLength: rules.max_length } : {}),
      };
  }
  throw new Error(`unknown JSON type ${value.json}`);
}
