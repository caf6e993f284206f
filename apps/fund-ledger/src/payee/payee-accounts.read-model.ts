// The local read model fund-ledger-payees (ADR 0012): registry's PayeeAccountSealed.v1, kept still
// sealed — every account a payee has had (payee_account_versions, by digest) and which is current
// (payee_accounts). A batch pays to the current account and names its digest on each payment, so the
// file written again later names the same account; a changed account is used from the next batch on.
import { quoteSchema } from '@jineng/event-store';
import { defineLocalReadModel } from '@jineng/messaging';
import { SERVICE_CONFIG, ServiceLifecycle, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

export const PAYEES_READ_MODEL = 'fund-ledger-payees';

@Injectable()
export class PayeeAccountsReadModel implements OnModuleInit {
  private readonly S: string;

  constructor(
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  onModuleInit(): void {
    this.lifecycle.readModel(
      defineLocalReadModel({
        name: PAYEES_READ_MODEL,
        from: {
          registry: {
            'PayeeAccountSealed.v1': async (event, tx) => {
              const { payeeId, payeeKind, sealedAccount, accountDigest, bankCode } = event.data as Record<
                string,
                string
              >;
              await tx.query(
                `insert into ${this.S}.payee_account_versions (payee_id, account_digest, payee_kind, sealed_account, bank_code)
                 values ($1, $2, $3, $4, $5)
                 on conflict (payee_id, account_digest) do update set sealed_account = excluded.sealed_account,
                   bank_code = excluded.bank_code, payee_kind = excluded.payee_kind`,
                [payeeId, accountDigest, payeeKind, sealedAccount, bankCode],
              );
              await tx.query(
                `insert into ${this.S}.payee_accounts (payee_id, account_digest) values ($1, $2)
                 on conflict (payee_id) do update set account_digest = excluded.account_digest`,
                [payeeId, accountDigest],
              );
            },
          },
        },
      }),
    );
  }
}
