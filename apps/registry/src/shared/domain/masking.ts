// How personal data is shown (ARCHITECTURE §6): enough to recognise, not enough to use.

/** 张三 → 张*, 欧阳娜娜 → 欧***: the first character only. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** 13812345678 → 138****5678; a landline keeps its last two digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`;
}

/** 6222021234567890123 → 6222***********0123 */
export function maskBankAccount(account: string): string {
  return `${account.slice(0, 4)}${'*'.repeat(Math.max(account.length - 8, 0))}${account.slice(-4)}`;
}
