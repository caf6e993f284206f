import { ApiError, fieldErrorsOf, fieldPath, isOnlyAboutFields } from './errors';

const invalid = new ApiError(400, {
  code: 'GATEWAY.INVALID_REQUEST',
  message: '请求无效：3 个字段未通过校验',
  messageEn: 'invalid request: 3 field(s) failed validation',
  violations: [
    { path: 'idNumber', reason: '校验码不符', reasonEn: 'the check character is wrong' },
    { path: 'idNumber', reason: '应为 18 位', reasonEn: 'must have 18 characters' },
    { path: 'bankAccount.accountNumber', reason: '格式不符', reasonEn: 'does not match the format' },
    { path: 'teachers[0].idNumber', reason: '必填', reasonEn: 'is required' },
  ],
});

describe('API errors at their fields', () => {
  it('turns a contract path into the form field name, nested and indexed', () => {
    expect(fieldPath('idNumber')).toEqual(['idNumber']);
    expect(fieldPath('bankAccount.accountNumber')).toEqual(['bankAccount', 'accountNumber']);
    expect(fieldPath('teachers[0].idNumber')).toEqual(['teachers', 0, 'idNumber']);
    expect(fieldPath('teachers.0.idNumber')).toEqual(['teachers', 0, 'idNumber']);
  });

  it('keeps every problem of a field, in the chosen language', () => {
    expect(fieldErrorsOf(invalid, 'zh')).toEqual([
      { name: ['idNumber'], errors: ['校验码不符', '应为 18 位'] },
      { name: ['bankAccount', 'accountNumber'], errors: ['格式不符'] },
      { name: ['teachers', 0, 'idNumber'], errors: ['必填'] },
    ]);
    expect(fieldErrorsOf(invalid, 'en')[0].errors).toEqual([
      'the check character is wrong',
      'must have 18 characters',
    ]);
    expect(isOnlyAboutFields(invalid)).toBe(true);
  });

  it("puts a domain rule's message on the field it names", () => {
    const rule = new ApiError(422, {
      code: 'WORKER.AGE_OUT_OF_RANGE',
      message: 'birthDate：登记日年龄 70 周岁，不在 16–60 周岁范围内',
      messageEn: 'birthDate: aged 70, outside 16–60',
      details: { field: 'birthDate' },
    });
    expect(fieldErrorsOf(rule, 'en')).toEqual([
      { name: ['birthDate'], errors: ['birthDate: aged 70, outside 16–60'] },
    ]);
  });

  it('leaves an error naming no field to be shown as a whole', () => {
    const whole = new ApiError(403, { code: 'GATEWAY.FORBIDDEN', message: '无权限', messageEn: 'forbidden' });
    expect(fieldErrorsOf(whole, 'zh')).toEqual([]);
    expect(isOnlyAboutFields(whole)).toBe(false);
    expect(whole.messageIn('zh')).toBe('无权限');
  });
});
