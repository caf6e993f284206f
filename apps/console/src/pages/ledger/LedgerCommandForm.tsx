// A ledger command on a form: the amount typed in yuan sent as integer fen, one command id and one
// Idempotency-Key per filled form (a retried submission is the same command; a new one after success),
// every refused field at its field, and the ledger's outcome (recorded, earmarked, committed, or refused
// with the balance that was available).
import { Alert, Button, Card, Form, type FormInstance } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import { formatFen, parseYuanToFen } from '../../money';
import type { LedgerOutcome } from './ledgerValues';

export interface LedgerCommandFormProps {
  readonly title: string;
  readonly path: string;
  /** the command's body from the form's values, the amount already in fen, with a fresh id */
  readonly body: (
    values: Record<string, unknown>,
    amountFen: number,
    commandId: string,
  ) => Record<string, unknown>;
  readonly children: ReactNode;
  readonly initialValues?: Record<string, unknown>;
  readonly onDone?: (outcome: LedgerOutcome) => void;
  /** also the form's name: its fields' ids are unique on a page with several forms */
  readonly testId: string;
}

export function LedgerCommandForm(props: LedgerCommandFormProps) {
  const { api } = useSession();
  const [form] = Form.useForm();
  const attempt = useRef({ id: crypto.randomUUID(), key: crypto.randomUUID() });
  const [outcome, setOutcome] = useState<LedgerOutcome>();
  const { submit, error, sending } = useApiForm(form, (values) =>
    api.send<LedgerOutcome>(
      'POST',
      props.path,
      props.body(values, parseYuanToFen(String(values.amount)) ?? 0, attempt.current.id),
      attempt.current.key,
    ),
  );
  return (
    <Card size="small" title={props.title} data-testid={props.testId}>
      <LedgerFormBody
        name={props.testId}
        form={form}
        initialValues={props.initialValues}
        sending={sending}
        onFinish={async (values) => {
          setOutcome(undefined);
          const answer = await submit(values);
          if (!answer) return;
          setOutcome(answer);
          attempt.current = { id: crypto.randomUUID(), key: crypto.randomUUID() };
          props.onDone?.(answer);
        }}
      >
        {props.children}
      </LedgerFormBody>
      <ErrorAlert error={error} />
      {outcome && <OutcomeAlert outcome={outcome} />}
    </Card>
  );
}

function LedgerFormBody({
  name,
  form,
  initialValues,
  sending,
  onFinish,
  children,
}: {
  name?: string;
  form: FormInstance;
  initialValues?: Record<string, unknown>;
  sending: boolean;
  onFinish: (values: Record<string, unknown>) => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form name={name} form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      {children}
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}

export function OutcomeAlert({ outcome }: { outcome: LedgerOutcome }) {
  const { t } = useI18n();
  const refused = outcome.outcome === 'refused';
  return (
    <Alert
      style={{ marginTop: 12 }}
      type={refused ? 'warning' : 'success'}
      role="status"
      showIcon
      title={t(`ledger.outcome.${outcome.outcome}`, { amount: formatFen(outcome.amountFen) })}
      description={
        refused && outcome.availableFen !== undefined
          ? t('ledger.outcome.available', { amount: formatFen(outcome.availableFen) })
          : outcome.idempotent
            ? t('ledger.outcome.idempotent')
            : undefined
      }
    />
  );
}
