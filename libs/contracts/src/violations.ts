// Ajv's errors as the platform reports a rejected message (ARCHITECTURE §5): one violation per bad
// field, its path written as code would reach it (`principal.roles[0]`), and what was expected, in
// Chinese and English.
import type { ErrorObject } from 'ajv';
import { formatProblem } from './formats';

export interface ContractViolation {
  /** relative to the message root: `idNumber`, `principal.roles[0]`, `details["a.b"]`; '' for the root */
  readonly path: string;
  readonly reason: string;
  readonly reasonEn: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const TYPE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  string: ['字符串', 'a string'],
  integer: ['整数', 'an integer'],
  number: ['数字', 'a number'],
  boolean: ['布尔值', 'a boolean'],
  object: ['对象', 'an object'],
  array: ['数组', 'an array'],
  null: ['null', 'null'],
};

/** All of ajv's errors (it runs with allErrors) reduced to the first one of each field, in order. */
export function toViolations(errors: readonly ErrorObject[], root: unknown): ContractViolation[] {
  const byPath = new Map<string, ContractViolation>();
  for (const error of errors) {
    const violation = toViolation(error, root);
    if (!byPath.has(violation.path)) byPath.set(violation.path, violation);
  }
  return [...byPath.values()];
}

function toViolation(error: ErrorObject, root: unknown): ContractViolation {
  const at = pathOf(error.instancePath, root);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: child(at, String(p.missingProperty)), reason: '必填', reasonEn: 'is required' };
    case 'additionalProperties':
      return {
        path: child(at, String(p.additionalProperty)),
        reason: '未知字段：本消息没有这个字段',
        reasonEn: 'is an unknown field: this message has no such field',
      };
    case 'type': {
      const [zh, en] = typeNames(p.type);
      return { path: at, reason: `应为${zh}`, reasonEn: `must be ${en}` };
    }
    case 'enum': {
      const values = (p.allowedValues as readonly unknown[]).map((v) => String(v));
      return {
        path: at,
        reason: `应为以下之一：${values.join('、')}`,
        reasonEn: `must be one of: ${values.join(', ')}`,
      };
    }
    case 'pattern':
      return { path: at, reason: `格式不正确：应匹配 ${p.pattern}`, reasonEn: `must match ${p.pattern}` };
    case 'format': {
      const reason = formatProblem(String(p.format), error.data);
      return reason
        ? { path: at, reason: reason.zh, reasonEn: reason.en }
        : { path: at, reason: `应为 ${p.format} 格式`, reasonEn: `must be a valid ${p.format}` };
    }
    case 'minLength':
      return p.limit === 1
        ? { path: at, reason: '不能为空', reasonEn: 'must not be empty' }
        : {
            path: at,
            reason: `应至少 ${p.limit} 个字符`,
            reasonEn: `must be at least ${p.limit} characters long`,
          };
    case 'maxLength':
      return {
        path: at,
        reason: `应不超过 ${p.limit} 个字符`,
        reasonEn: `must be at most ${p.limit} characters long`,
      };
    case 'minimum':
      return { path: at, reason: `应不小于 ${p.limit}`, reasonEn: `must be at least ${p.limit}` };
    case 'maximum':
      return { path: at, reason: `应不大于 ${p.limit}`, reasonEn: `must be at most ${p.limit}` };
    case 'exclusiveMinimum':
      return { path: at, reason: `应大于 ${p.limit}`, reasonEn: `must be greater than ${p.limit}` };
    case 'exclusiveMaximum':
      return { path: at, reason: `应小于 ${p.limit}`, reasonEn: `must be less than ${p.limit}` };
    case 'minItems':
      return p.limit === 1
        ? { path: at, reason: '不能为空', reasonEn: 'must not be empty' }
        : { path: at, reason: `应至少有 ${p.limit} 项`, reasonEn: `must have at least ${p.limit} items` };
    case 'maxItems':
      return { path: at, reason: `应至多有 ${p.limit} 项`, reasonEn: `must have at most ${p.limit} items` };
    default:
      // keywords the contracts do not generate, in an edge schema given to validateJson
      return {
        path: at,
        reason: `不符合约束 ${error.keyword}`,
        reasonEn: error.message ?? `fails ${error.keyword}`,
      };
  }
}

function typeNames(type: unknown): readonly [string, string] {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map(String);
  const names = types.map((t) => TYPE_NAMES[t] ?? [t, t]);
  return [names.map(([zh]) => zh).join('或'), names.map(([, en]) => en).join(' or ')];
}

/** A JSON pointer (`/principal/roles/0`) as a path; the value decides whether `0` is an index or a key. */
function pathOf(pointer: string, root: unknown): string {
  if (pointer === '') return '';
  let path = '';
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path = Array.isArray(node) ? `${path}[${key}]` : child(path, key);
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

function child(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}
