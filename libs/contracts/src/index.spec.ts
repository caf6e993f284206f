import * as contracts from '@jineng/contracts';
import type { commonV1 } from '@jineng/contracts';

describe('@jineng/contracts', () => {
  it('exposes the public API through the path alias, with one namespace per proto package', () => {
    const api = [
      'CONTRACTS',
      'CONTRACT_KINDS',
      'FORMATS',
      'OPENAPI_REF_PREFIX',
      'contractForSubject',
      'contractOf',
      'formatProblem',
      'jsonSchemaOf',
      'openApiSchemas',
      'validateContract',
      'validateJson',
    ];
    const namespaces = Object.keys(contracts).filter((name) => !api.includes(name));
    expect(Object.keys(contracts)).toEqual(expect.arrayContaining(api));
    expect(namespaces).toContain('commonV1');
    for (const name of namespaces) expect(name).toMatch(/^[a-z][A-Za-z0-9]*V[1-9][0-9]*$/);
    expect(contracts.commonV1.EnvelopeSchema).toBe(contracts.jsonSchemaOf('jineng.common.v1.Envelope'));
  });

  it('types the JSON form by namespace', () => {
    const reply: commonV1.DomainErrorReply = {
      code: 'CLASS.NOT_FOUND',
      category: 'not_found',
      message: '培训班不存在',
      messageEn: 'no such class',
      details: { classId: 'c-1' },
    };
    expect(contracts.validateContract('jineng.common.v1.DomainErrorReply', reply).ok).toBe(true);
  });
});
