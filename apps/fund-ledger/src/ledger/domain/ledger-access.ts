// Who may read the ledger's figures: finance, auditors, administrators (a jurisdiction's own, for balances).
import { defineDomainError } from '@jineng/ddd';

const READERS = ['finance_officer', 'auditor', 'admin'];

export class LedgerReaderRequired extends defineDomainError<{ roles: string }>({
  code: 'LEDGER.READER_ROLE_REQUIRED',
  category: 'forbidden',
  zh: () => '仅财务人员、审计人员或管理员可查看专账',
  en: (d) => `only finance officers, auditors and administrators may read the ledger (roles: ${d.roles})`,
}) {
  static assert(roles: readonly string[]): void {
    if (!roles.some((role) => READERS.includes(role))) {
      throw new LedgerReaderRequired({ roles: roles.join(',') || 'none' });
    }
  }
}
