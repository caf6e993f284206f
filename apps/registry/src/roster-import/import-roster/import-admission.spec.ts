import type { DomainError } from '@jineng/ddd';
import { ImportAdmission, IMPORT_RETRY_AFTER_SECONDS } from './import-admission';

const refusalOf = (admit: () => unknown): DomainError | undefined => {
  try {
    admit();
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
};

describe('import admission', () => {
  it('lets one user run as many imports as the per-user limit, other users still in', () => {
    const admission = new ImportAdmission({ maxImportsPerUser: 1, maxImports: 3 });
    const release = admission.admit('officer-a');
    expect(refusalOf(() => admission.admit('officer-a'))).toMatchObject({
      code: 'ROSTER.TOO_MANY_IMPORTS',
      category: 'rate_limited',
      details: { scope: 'user', limit: 1, retryAfterSeconds: IMPORT_RETRY_AFTER_SECONDS },
    });
    expect(refusalOf(() => admission.admit('officer-b'))).toBeUndefined();
    release();
    expect(refusalOf(() => admission.admit('officer-a'))).toBeUndefined();
  });

  it('bounds the imports of all users together, and gives a place back once however often released', () => {
    const admission = new ImportAdmission({ maxImportsPerUser: 2, maxImports: 2 });
    const first = admission.admit('a');
    admission.admit('b');
    const refused = refusalOf(() => admission.admit('c'));
    expect(refused).toMatchObject({
      code: 'ROSTER.TOO_MANY_IMPORTS',
      details: { scope: 'registry', limit: 2 },
    });
    expect(refused!.messageZh).toContain('上限 2 个');
    first();
    first();
    admission.admit('c');
    expect(refusalOf(() => admission.admit('d'))).toMatchObject({ details: { scope: 'registry' } });
  });
});
