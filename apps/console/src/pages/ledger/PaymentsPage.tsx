// Paying and reconciling: finance issues the day's committed payments of a source as the bank payment
// file (POST /api/v1/fund-ledger/payment-batches; payees without a bank account are held back, with the
// reason) and downloads it; then uploads the bank's statement (POST …/bank-statements, a job whose
// progress is shown) and works through the reconciliation it answers: what matched and settled, the
// statement lines the ledger never issued, the payments the statement misses, the amounts that differ.
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress, type JobView } from '../../components/JobProgress';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { jurisdictionRules, sourceOptions } from './ledgerValues';

interface PaymentBatch {
  readonly batchId: string;
  readonly lines: number;
  readonly totalFen: number;
  readonly fileName: string;
  readonly idempotent: boolean;
  readonly heldBack: readonly {
    claimId: string;
    payeeId: string;
    payeeKind: string;
    amountFen: number;
    code: string;
    reasonZh: string;
    reasonEn: string;
  }[];
}

export interface Reconciliation {
  readonly lines: number;
  readonly invalidLines: number;
  readonly invalid: readonly { lineNo: number; problem: string }[];
  readonly matched: number;
  readonly settled: number;
  readonly failed: number;
  readonly alreadyResolved: number;
  readonly amountDifferences: readonly { reference: string; paymentFen: number; statementFen: number }[];
  readonly amountDifferenceCount: number;
  readonly unmatchedLines: readonly { lineNo: number; reference: string; amountFen: number }[];
  readonly unmatchedLineCount: number;
  readonly unmatchedPayments: readonly { reference: string; claimId: string; amountFen: number }[];
  readonly unmatchedPaymentCount: number;
}

/** the statement's text: at most what one request carries (the contract's 900 000 characters) */
export const STATEMENT_MAX_CHARS = 900_000;

function IssueBatch() {
  const { t, lang } = useI18n();
  const { api, principal } = useSession();
  const [form] = Form.useForm();
  const attempt = useRef({ id: crypto.randomUUID(), key: crypto.randomUUID() });
  const [batch, setBatch] = useState<PaymentBatch>();
  const [downloadError, setDownloadError] = useState<unknown>();
  const { submit, error, sending } = useApiForm(form, (values) =>
    api.send<PaymentBatch>(
      'POST',
      '/api/v1/fund-ledger/payment-batches',
      { batchId: attempt.current.id, ...values },
      attempt.current.key,
    ),
  );
  return (
    <Card size="small" title={t('ledger.issueBatch')}>
      <Form
        name="batch"
        form={form}
        layout="vertical"
        initialValues={{ jurisdictionCode: principal?.jurisdiction }}
        onFinish={async (values: Record<string, unknown>) => {
          const answer = await submit(values);
          if (!answer) return;
          setBatch(answer);
          attempt.current = { id: crypto.randomUUID(), key: crypto.randomUUID() };
        }}
      >
        <Form.Item
          name="jurisdictionCode"
          label={t('ledger.jurisdiction')}
          rules={jurisdictionRules(t, t('ledger.jurisdiction'))}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="fundSource"
          label={t('ledger.fundSource')}
          rules={[{ required: true, message: t('common.required', { field: t('ledger.fundSource') }) }]}
        >
          <Select options={sourceOptions(t)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t('ledger.issue')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      {batch && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="payment-batch">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('ledger.batchLines')}>{batch.lines}</Descriptions.Item>
            <Descriptions.Item label={t('ledger.batchTotal')}>{formatFen(batch.totalFen)}</Descriptions.Item>
            <Descriptions.Item label={t('ledger.batchFile')}>{batch.fileName}</Descriptions.Item>
          </Descriptions>
          <Button
            type="primary"
            onClick={() => {
              setDownloadError(undefined);
              api
                .download(`/api/v1/fund-ledger/payment-batches/${batch.batchId}/file`)
                .catch(setDownloadError);
            }}
          >
            {t('ledger.downloadFile')}
          </Button>
          <ErrorAlert error={downloadError} />
          {batch.heldBack.length > 0 && (
            <Table
              aria-label={t('ledger.heldBack')}
              title={() => t('ledger.heldBack')}
              size="small"
              rowKey="claimId"
              pagination={false}
              scroll={{ x: true }}
              dataSource={[...batch.heldBack]}
              columns={[
                { title: t('ledger.claimId'), dataIndex: 'claimId' },
                {
                  title: t('ledger.amount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (f: number) => formatFen(f),
                },
                {
                  title: t('ledger.reason'),
                  key: 'reason',
                  render: (_: unknown, row) => (lang === 'zh' ? row.reasonZh : row.reasonEn),
                },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}

/** reads the chosen file as text, refusing what the route could not take */
export async function statementText(file: File): Promise<string | 'empty' | 'too_large'> {
  const text = await file.text();
  if (text.trim() === '') return 'empty';
  if (text.length > STATEMENT_MAX_CHARS) return 'too_large';
  return text;
}

function UploadStatement() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [form] = Form.useForm();
  const [jobId, setJobId] = useState<string>();
  const [result, setResult] = useState<Reconciliation>();
  const { submit, error, sending } = useApiForm(form, async (values) => {
    const file = values.file as File | undefined;
    const csv = file ? await statementText(file) : 'empty';
    if (csv === 'empty' || csv === 'too_large') {
      form.setFields([
        { name: 'file', errors: [t(csv === 'empty' ? 'ledger.statementEmpty' : 'ledger.statementTooLarge')] },
      ]);
      return undefined;
    }
    return api.send<{ jobId: string }>('POST', '/api/v1/fund-ledger/bank-statements', {
      statementId: crypto.randomUUID(),
      jurisdictionCode: values.jurisdictionCode,
      csv,
    });
  });
  return (
    <Card size="small" title={t('ledger.statement')}>
      <Form
        name="statement"
        form={form}
        layout="vertical"
        initialValues={{ jurisdictionCode: principal?.jurisdiction }}
        onFinish={async (values: Record<string, unknown>) => {
          setResult(undefined);
          setJobId(undefined);
          const answer = await submit(values);
          if (answer) setJobId(answer.jobId);
        }}
      >
        <Form.Item
          name="jurisdictionCode"
          label={t('ledger.jurisdiction')}
          rules={jurisdictionRules(t, t('ledger.jurisdiction'))}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="file"
          label={t('ledger.statementFile')}
          // the chosen File is the field's value; the native input keeps showing its own choice
          getValueProps={() => ({})}
          getValueFromEvent={(event: { target: HTMLInputElement }) => event.target.files?.[0]}
          rules={[{ required: true, message: t('common.required', { field: t('ledger.statementFile') }) }]}
          extra={t('ledger.statementHint')}
        >
          <input type="file" accept=".csv,text/csv" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t('ledger.reconcile')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      {jobId && (
        <div style={{ marginTop: 12 }}>
          <JobProgress
            jobsPath="/api/v1/fund-ledger/jobs"
            jobId={jobId}
            withFile={false}
            onEnded={(job: JobView) => job.status === 'succeeded' && setResult(job.result as Reconciliation)}
          />
        </div>
      )}
      {result && <ReconciliationView result={result} />}
    </Card>
  );
}

export function ReconciliationView({ result }: { result: Reconciliation }) {
  const { t } = useI18n();
  const money = (fen: number) => formatFen(fen);
  const clean =
    result.unmatchedLineCount === 0 &&
    result.unmatchedPaymentCount === 0 &&
    result.amountDifferenceCount === 0 &&
    result.invalidLines === 0;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="reconciliation">
      <Alert
        type={clean ? 'success' : 'warning'}
        showIcon
        title={t(clean ? 'ledger.reconciledClean' : 'ledger.reconciledWithDifferences')}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('ledger.rec.lines')}>{result.lines}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.rec.matched')}>{result.matched}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.rec.settled')}>{result.settled}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.rec.failed')}>{result.failed}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.rec.alreadyResolved')}>
          {result.alreadyResolved}
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.rec.invalidLines')}>{result.invalidLines}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>
        {t('ledger.rec.unmatchedLines', { count: result.unmatchedLineCount })}
      </Typography.Title>
      <Table
        aria-label={t('ledger.rec.unmatchedLines', { count: result.unmatchedLineCount })}
        size="small"
        rowKey="lineNo"
        pagination={{ pageSize: 10 }}
        scroll={{ x: true }}
        locale={{ emptyText: <EmptyText /> }}
        dataSource={[...result.unmatchedLines]}
        columns={[
          { title: t('ledger.rec.lineNo'), dataIndex: 'lineNo' },
          { title: t('ledger.rec.reference'), dataIndex: 'reference' },
          { title: t('ledger.amount'), dataIndex: 'amountFen', align: 'right', render: money },
        ]}
      />
      <Typography.Title level={5}>
        {t('ledger.rec.unmatchedPayments', { count: result.unmatchedPaymentCount })}
      </Typography.Title>
      <Table
        aria-label={t('ledger.rec.unmatchedPayments', { count: result.unmatchedPaymentCount })}
        size="small"
        rowKey="reference"
        pagination={{ pageSize: 10 }}
        scroll={{ x: true }}
        locale={{ emptyText: <EmptyText /> }}
        dataSource={[...result.unmatchedPayments]}
        columns={[
          { title: t('ledger.rec.reference'), dataIndex: 'reference' },
          { title: t('ledger.claimId'), dataIndex: 'claimId' },
          { title: t('ledger.amount'), dataIndex: 'amountFen', align: 'right', render: money },
        ]}
      />
      <Typography.Title level={5}>
        {t('ledger.rec.amountDifferences', { count: result.amountDifferenceCount })}
      </Typography.Title>
      <Table
        aria-label={t('ledger.rec.amountDifferences', { count: result.amountDifferenceCount })}
        size="small"
        rowKey="reference"
        pagination={{ pageSize: 10 }}
        scroll={{ x: true }}
        locale={{ emptyText: <EmptyText /> }}
        dataSource={[...result.amountDifferences]}
        columns={[
          { title: t('ledger.rec.reference'), dataIndex: 'reference' },
          { title: t('ledger.rec.paymentAmount'), dataIndex: 'paymentFen', align: 'right', render: money },
          {
            title: t('ledger.rec.statementAmount'),
            dataIndex: 'statementFen',
            align: 'right',
            render: money,
          },
        ]}
      />
      {result.invalid.length > 0 && (
        <Table
          aria-label={t('ledger.rec.invalidLines')}
          size="small"
          rowKey="lineNo"
          pagination={{ pageSize: 10 }}
          dataSource={[...result.invalid]}
          columns={[
            { title: t('ledger.rec.lineNo'), dataIndex: 'lineNo' },
            { title: t('ledger.rec.problem'), dataIndex: 'problem' },
          ]}
        />
      )}
    </Space>
  );
}

export default function PaymentsPage() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <IssueBatch />
      </Col>
      <Col xs={24} xl={14}>
        <UploadStatement />
      </Col>
    </Row>
  );
}
