import {
  DomainError,
  ReceivedDomainError,
  defineDomainError,
  domainErrorFromJson,
  httpStatusOf,
  isDomainError,
  isDomainErrorJson,
  type DomainErrorCategory,
} from './domain-error';

class TooManyTrainees extends defineDomainError<{ max: number; actual: number }>({
  code: 'CLASS.TOO_MANY_TRAINEES',
  category: 'illegal_state',
  zh: (d) => `学员人数 ${d.actual} 超过上限 ${d.max}`,
  en: (d) => `${d.actual} trainees exceed the maximum of ${d.max}`,
}) {}

const ClassNotFound = defineDomainError<{ classId: string }>({
  code: 'CLASS.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `培训班 ${d.classId} 不存在`,
  en: (d) => `class ${d.classId} does not exist`,
});

describe('defineDomainError', () => {
  it('builds errors carrying code, category, both messages and the rule values', () => {
    const error = new TooManyTrainees({ max: 50, actual: 53 });
    expect(error).toBeInstanceOf(TooManyTrainees);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('CLASS.TOO_MANY_TRAINEES');
    expect(error.category).toBe('illegal_state');
    expect(error.messageZh).toBe('学员人数 53 超过上限 50');
    expect(error.messageEn).toBe('53 trainees exceed the maximum of 50');
    expect(error.message).toBe(error.messageEn);
    expect(error.details).toEqual({ max: 50, actual: 53 });
    expect(error.name).toBe('TooManyTrainees');
    expect(error.stack).toContain('TooManyTrainees: 53 trainees exceed the maximum of 50');
  });

  it('exposes code and category on the class itself', () => {
    expect(TooManyTrainees.code).toBe('CLASS.TOO_MANY_TRAINEES');
    expect(TooManyTrainees.category).toBe('illegal_state');
    expect(ClassNotFound.category).toBe('not_found');
  });

  it('names a class used without a subclass after its code', () => {
    expect(new ClassNotFound({ classId: 'c-1' }).name).toBe('DomainError[CLASS.NOT_FOUND]');
  });

  it('keeps a cause', () => {
    const cause = new Error('underneath');
    expect(new ClassNotFound({ classId: 'c-1' }, { cause }).cause).toBe(cause);
  });

  it('freezes a JSON copy of the details', () => {
    const details = { max: 50, actual: 53 };
    const error = new TooManyTrainees(details);
    details.actual = 1;
    expect(error.details.actual).toBe(53);
    expect(Object.isFrozen(error.details)).toBe(true);
  });

  it('refuses details JSON cannot carry', () => {
    const Dated = defineDomainError<{ at: string }>({
      code: 'X.DATED',
      category: 'validation',
      zh: () => '',
      en: () => '',
    });
    expect(() => new Dated({ at: new Date() as unknown as string })).toThrow(
      /details\.at is not plain JSON data/,
    );
  });

  it('refuses malformed codes and unknown categories', () => {
    const spec = { category: 'validation' as const, zh: () => '', en: () => '' };
    expect(() => defineDomainError({ ...spec, code: 'too many trainees' })).toThrow(
      /must look like 'AREA.RULE_NAME'/,
    );
    expect(() => defineDomainError({ ...spec, code: 'CLASS' })).toThrow(/must look like/);
    expect(() =>
      defineDomainError({ ...spec, code: 'CLASS.X', category: 'teapot' as DomainErrorCategory }),
    ).toThrow(/unknown category 'teapot'/);
  });
});

describe('toJSON and domainErrorFromJson', () => {
  it('serialises with the Chinese message as `message`', () => {
    expect(JSON.parse(JSON.stringify(new TooManyTrainees({ max: 50, actual: 53 })))).toEqual({
      code: 'CLASS.TOO_MANY_TRAINEES',
      category: 'illegal_state',
      message: '学员人数 53 超过上限 50',
      messageEn: '53 trainees exceed the maximum of 50',
      details: { max: 50, actual: 53 },
    });
  });

  it('rebuilds an error with the same code, category, messages and details after a JSON round trip', () => {
    const original = new TooManyTrainees({ max: 50, actual: 53 });
    const received = domainErrorFromJson(JSON.parse(JSON.stringify(original)));
    expect(received).toBeInstanceOf(ReceivedDomainError);
    expect(isDomainError(received)).toBe(true);
    expect(received.code).toBe(original.code);
    expect(received.category).toBe(original.category);
    expect(received.messageZh).toBe(original.messageZh);
    expect(received.messageEn).toBe(original.messageEn);
    expect(received.message).toBe(original.messageEn);
    expect(received.details).toEqual(original.details);
    expect(received.toJSON()).toEqual(original.toJSON());
  });

  it('refuses what is not a domain error', () => {
    const valid = new TooManyTrainees({ max: 1, actual: 2 }).toJSON();
    expect(isDomainErrorJson(valid)).toBe(true);
    for (const bad of [
      null,
      'oops',
      { ...valid, code: '' },
      { ...valid, category: 'teapot' },
      { ...valid, details: [] },
    ]) {
      expect(isDomainErrorJson(bad)).toBe(false);
      expect(() => domainErrorFromJson(bad)).toThrow(TypeError);
    }
    const { messageEn: _dropped, ...withoutEnglish } = valid;
    expect(() => domainErrorFromJson(withoutEnglish)).toThrow(/not a domain error/);
  });
});

describe('isDomainError', () => {
  it('tells domain errors from other errors', () => {
    expect(isDomainError(new TooManyTrainees({ max: 1, actual: 2 }))).toBe(true);
    expect(isDomainError(new Error('plain'))).toBe(false);
    expect(isDomainError({ code: 'CLASS.NOT_FOUND', category: 'not_found' })).toBe(false);
  });
});

describe('httpStatusOf', () => {
  it.each([
    ['validation', 400],
    ['not_found', 404],
    ['illegal_state', 409],
    ['forbidden', 403],
    ['concurrency', 409],
    ['too_large', 413],
    ['rate_limited', 429],
  ] as const)('maps %s to %i', (category, status) => {
    expect(httpStatusOf(category)).toBe(status);
  });
});
