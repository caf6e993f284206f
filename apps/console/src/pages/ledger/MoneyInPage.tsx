// Finance records money arriving in the dedicated account (POST /api/v1/fund-ledger/inflows, with the
// transfer document's reference) and allocates a source's money to a county (POST …/allocations); the
// balances below follow each command.
import { Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { BalancesTable } from './BalancesTable';
import { LedgerCommandForm } from './LedgerCommandForm';
import { jurisdictionRules, sourceOptions, yuanRules, type LedgerOutcome } from './ledgerValues';

function SourceAndAmount() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="fundSource"
        label={t('ledger.fundSource')}
        rules={[{ required: true, message: t('common.required', { field: t('ledger.fundSource') }) }]}
      >
        <Select options={sourceOptions(t)} />
      </Form.Item>
      <Form.Item name="amount" label={t('ledger.amountYuan')} rules={yuanRules(t, t('ledger.amountYuan'))}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="documentReference"
        label={t('ledger.documentReference')}
        rules={[
          { required: true, message: t('common.required', { field: t('ledger.documentReference') }) },
          { max: 100, message: t('ledger.tooLong', { max: 100 }) },
        ]}
      >
        <Input />
      </Form.Item>
    </>
  );
}

export function InflowForm({
  jurisdiction,
  onDone,
}: {
  jurisdiction: string;
  onDone?: (o: LedgerOutcome) => void;
}) {
  const { t } = useI18n();
  return (
    <LedgerCommandForm
      title={t('ledger.inflow')}
      testId="inflow-form"
      path="/api/v1/fund-ledger/inflows"
      initialValues={{ jurisdictionCode: jurisdiction }}
      onDone={onDone}
      body={(values, amountFen, inflowId) => ({
        inflowId,
        jurisdictionCode: values.jurisdictionCode,
        fundSource: values.fundSource,
        amountFen,
        documentReference: values.documentReference,
        receivedOn: values.receivedOn,
      })}
    >
      <Form.Item
        name="jurisdictionCode"
        label={t('ledger.jurisdiction')}
        rules={jurisdictionRules(t, t('ledger.jurisdiction'))}
      >
        <Input />
      </Form.Item>
      <SourceAndAmount />
      <Form.Item
        name="receivedOn"
        label={t('ledger.receivedOn')}
        rules={[{ required: true, message: t('common.required', { field: t('ledger.receivedOn') }) }]}
      >
        <Input type="date" />
      </Form.Item>
    </LedgerCommandForm>
  );
}

export function AllocationForm({
  jurisdiction,
  onDone,
}: {
  jurisdiction: string;
  onDone?: (o: LedgerOutcome) => void;
}) {
  const { t } = useI18n();
  return (
    <LedgerCommandForm
      title={t('ledger.allocation')}
      testId="allocation-form"
      path="/api/v1/fund-ledger/allocations"
      initialValues={{ fromJurisdictionCode: jurisdiction }}
      onDone={onDone}
      body={(values, amountFen, allocationId) => ({
        allocationId,
        fromJurisdictionCode: values.fromJurisdictionCode,
        countyCode: values.countyCode,
        fundSource: values.fundSource,
        amountFen,
        documentReference: values.documentReference,
      })}
    >
      <Form.Item
        name="fromJurisdictionCode"
        label={t('ledger.fromJurisdiction')}
        rules={jurisdictionRules(t, t('ledger.fromJurisdiction'))}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="countyCode"
        label={t('ledger.county')}
        rules={jurisdictionRules(t, t('ledger.county'))}
      >
        <Input />
      </Form.Item>
      <SourceAndAmount />
    </LedgerCommandForm>
  );
}

export default function MoneyInPage() {
  const { principal } = useSession();
  const jurisdiction = principal?.jurisdiction ?? '';
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <InflowForm jurisdiction={jurisdiction} onDone={changed} />
        </Col>
        <Col xs={24} lg={12}>
          <AllocationForm jurisdiction={jurisdiction} onDone={changed} />
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <BalancesTable jurisdiction={jurisdiction} reloadKey={changes} />
      </div>
    </>
  );
}
