import { MAX_NAME_BYTES, statementName } from './statement-name';

describe('statementName', () => {
  it('keeps a name that fits as it reads', () => {
    expect(statementName('class_ops', 'append_group')).toBe('class_ops.append_group');
  });

  it('brings a long name within 63 bytes, each long name to a name of its own', () => {
    const schema = 't_class_ops_check_in_intake_e50d084a';
    const a = statementName(schema, 'append_with_rows', 'b9c2d440ae909e1f');
    const b = statementName(schema, 'append_with_rows', 'b9c2d440ae909e20');
    expect(Buffer.byteLength(a)).toBe(MAX_NAME_BYTES);
    expect(a.startsWith(`${schema}.`)).toBe(true);
    // the two differ only past PostgreSQL's 63 bytes as they were: their names differ within them
    expect(a.slice(0, MAX_NAME_BYTES)).not.toBe(b.slice(0, MAX_NAME_BYTES));
    expect(statementName(schema, 'append_with_rows', 'b9c2d440ae909e1f')).toBe(a);
  });

  it('tells apart statements of a 63-byte schema', () => {
    const schema = 's'.repeat(63);
    const names = ['read_all', 'read_all_text', 'append_group', 'append_events'].map((s) =>
      statementName(schema, s),
    );
    expect(new Set(names).size).toBe(4);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });
});
