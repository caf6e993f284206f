// What the generator emits per message (libs/contracts/src/generated): its kind, its NATS subject
// when it has one, and the JSON Schema of its JSON form — the form that travels and that auditors read.

export const CONTRACT_KINDS = ['command', 'query', 'event', 'reply', 'type'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/**
 * The subset of JSON Schema draft-07 the contracts use (and OpenAPI 3.0 understands). Messages refer
 * to each other with `$ref: '<full type name>'`, which is also their `$id`.
 */
export interface JsonSchema {
  readonly $id?: string;
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly properties?: { readonly [name: string]: JsonSchema };
  readonly required?: readonly string[];
  /** false: unknown keys are violations; true or absent: any; a schema: what each extra value must be */
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly (string | number | boolean)[];
  /** one of FORMATS in formats.ts */
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface Contract {
  /** the full proto name, e.g. `jineng.common.v1.Envelope` */
  readonly typeName: string;
  readonly kind: ContractKind;
  /** commands, queries and events: the owning service, e.g. `class-ops` */
  readonly service?: string;
  /** commands, queries and events: the name in the subject, e.g. `OpenClass` */
  readonly name?: string;
  /** commands `jineng.cmd.<service>.<Name>`, queries `jineng.qry.…`, events `jineng.evt.<service>.<Name>.v<N>` */
  readonly subject?: string;
  /** events: the stored type with its version, e.g. `ClassOpened.v1` */
  readonly eventType?: string;
  /** the .proto file that defines it, e.g. `proto/jineng/common/v1/envelope.proto` */
  readonly source: string;
  readonly schema: JsonSchema;
}
