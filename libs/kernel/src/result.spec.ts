import { KernelError } from './kernel-error';
import { fail, ok, type Result } from './result';

describe('result', () => {
  it('ok carries the value', () => {
    const r: Result<number> = ok(42);
    expect(r).toEqual({ ok: true, value: 42 });
  });

  it('fail carries the reason in both languages', () => {
    const r: Result<number, 'X.Y'> = fail('X.Y', '中文', 'English');
    expect(r).toEqual({ ok: false, reason: { code: 'X.Y', messageZh: '中文', messageEn: 'English' } });
  });

  it('narrows on ok', () => {
    const describe = (r: Result<number>) => (r.ok ? `value ${r.value}` : `rejected ${r.reason.code}`);
    expect(describe(ok(1))).toBe('value 1');
    expect(describe(fail('A.B', '甲', 'a'))).toBe('rejected A.B');
  });

  it('a KernelError is itself a reason, with the English message as its message', () => {
    const error = new KernelError('A.B', '中文说明', 'English text');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('English text');
    expect(error.name).toBe('KernelError');
    const { code, messageZh, messageEn } = error;
    expect(fail(code, messageZh, messageEn).reason).toEqual({
      code: 'A.B',
      messageZh: '中文说明',
      messageEn: 'English text',
    });
  });
});
