// Finance's and the auditor's view of the money: the balances of a jurisdiction per fund source
// (earmarks and commitments by source) and the ledger's self-check (GET /api/v1/fund-ledger/verification:
// every transaction balances, balances are the fold of their postings).
import { Button, Card, Descriptions, Form, Input, Pagination, Space, theme } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { BalancesTable } from './BalancesTable';
import { jurisdictionRules } from './ledgerValues';

/** the self-check's problems a page at a time (the check answers them all at once) */
const PROBLEMS_PAGE_SIZE = 10;

interface LedgerVerification {
  readonly ok: boolean;
  readonly transactions: number;
  readonly postings: number;
  readonly trialBalanceFen: number;
  readonly problems: readonly string[];
}

export default function BalancesPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const { token } = theme.useToken();
  const [jurisdiction, setJurisdiction] = useState(principal?.jurisdiction ?? '');
  const [verification, setVerification] = useState<LedgerVerification>();
  const [verifying, setVerifying] = useState(false);
  const [problemsPage, setProblemsPage] = useState(1);
  const [error, setError] = useState<unknown>();
  const verify = () => {
    setVerifying(true);
    setError(undefined);
    api
      .get<LedgerVerification>('/api/v1/fund-ledger/verification')
      .then((answer) => {
        setVerification(answer);
        setProblemsPage(1);
      }, setError)
      .finally(() => setVerifying(false));
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form
        layout="inline"
        initialValues={{ jurisdiction }}
        onFinish={(values: { jurisdiction: string }) => setJurisdiction(values.jurisdiction)}
      >
        <Form.Item
          name="jurisdiction"
          label={t('ledger.jurisdiction')}
          rules={jurisdictionRules(t, t('ledger.jurisdiction'))}
        >
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('list.filter')}
          </Button>
        </Form.Item>
      </Form>
      {jurisdiction && <BalancesTable jurisdiction={jurisdiction} />}
      <Card size="small" title={t('ledger.verification')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button onClick={verify} loading={verifying}>
            {t('ledger.verify')}
          </Button>
          <ErrorAlert error={error} />
          {verification && (
            <Descriptions size="small" column={1} bordered data-testid="ledger-verification">
              <Descriptions.Item label={t('ledger.verificationStatus')}>
                <StatusTag tone={verification.ok ? 'green' : 'red'}>
                  {t(verification.ok ? 'ledger.verificationOk' : 'ledger.verificationBroken')}
                </StatusTag>
              </Descriptions.Item>
              <Descriptions.Item label={t('ledger.transactions')}>
                {verification.transactions}
              </Descriptions.Item>
              <Descriptions.Item label={t('ledger.postings')}>{verification.postings}</Descriptions.Item>
              <Descriptions.Item label={t('ledger.trialBalance')}>
                {Number.isInteger(verification.trialBalanceFen)
                  ? formatFen(verification.trialBalanceFen)
                  : verification.trialBalanceFen}
              </Descriptions.Item>
            </Descriptions>
          )}
          {verification && verification.problems.length > 0 && (
            // a plain list (ul/li, named) under a pager, not Ant Design's List: deprecated, it warns
            <>
              <ul
                aria-label={t('ledger.problems')}
                style={{
                  listStyle: 'none',
                  margin: 0,
                  padding: 0,
                  border: `1px solid ${token.colorBorder}`,
                  borderRadius: token.borderRadiusLG,
                }}
              >
                {verification.problems
                  .slice((problemsPage - 1) * PROBLEMS_PAGE_SIZE, problemsPage * PROBLEMS_PAGE_SIZE)
                  .map((problem, index) => (
                    <li
                      key={index}
                      style={{
                        padding: '8px 16px',
                        borderTop: index === 0 ? undefined : `1px solid ${token.colorSplit}`,
                      }}
                    >
                      {problem}
                    </li>
                  ))}
              </ul>
              <Pagination
                current={problemsPage}
                pageSize={PROBLEMS_PAGE_SIZE}
                total={verification.problems.length}
                size="small"
                showTotal={(total) => t('list.total', { total })}
                onChange={setProblemsPage}
              />
            </>
          )}
        </Space>
      </Card>
    </Space>
  );
}
