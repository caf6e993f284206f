// Earmarks and commitments by hand (normally they follow the class's estimate and the claim's approval
// on the bus): POST /api/v1/fund-ledger/earmarks and …/commitments, each answering earmarked/committed or
// refused with the balance that was available; the county's balances per source below.
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { BalancesTable } from './BalancesTable';
import { LedgerCommandForm } from './LedgerCommandForm';
import { jurisdictionRules, sourceOptions, yuanRules } from './ledgerValues';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const CLAIMANT_KINDS = ['institution', 'enterprise', 'worker'] as const;

export default function ReservationsPage() {
  const { t } = useI18n();
  const { principal } = useSession();
  const [jurisdiction, setJurisdiction] = useState(principal?.jurisdiction ?? '');
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const idRules = (field: string, required = true) => [
    ...(required ? [{ required: true, message: t('common.required', { field }) }] : []),
    { pattern: ID_PATTERN, message: t('ledger.idInvalid') },
  ];
  const common = (
    <>
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
      <Form.Item name="amount" label={t('ledger.amountYuan')} rules={yuanRules(t, t('ledger.amountYuan'))}>
        <Input inputMode="decimal" />
      </Form.Item>
    </>
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <LedgerCommandForm
            title={t('ledger.earmark')}
            testId="earmark-form"
            path="/api/v1/fund-ledger/earmarks"
            initialValues={{ jurisdictionCode: jurisdiction }}
            onDone={changed}
            body={(values, amountFen) => ({
              classId: values.classId,
              jurisdictionCode: values.jurisdictionCode,
              fundSource: values.fundSource,
              amountFen,
            })}
          >
            <Form.Item name="classId" label={t('ledger.classId')} rules={idRules(t('ledger.classId'))}>
              <Input />
            </Form.Item>
            {common}
          </LedgerCommandForm>
        </Col>
        <Col xs={24} lg={12}>
          <LedgerCommandForm
            title={t('ledger.commitment')}
            testId="commitment-form"
            path="/api/v1/fund-ledger/commitments"
            initialValues={{ jurisdictionCode: jurisdiction, claimantKind: 'institution' }}
            onDone={changed}
            body={(values, amountFen) => ({
              claimId: values.claimId,
              ...(values.classId ? { classId: values.classId } : {}),
              claimantId: values.claimantId,
              claimantKind: values.claimantKind,
              jurisdictionCode: values.jurisdictionCode,
              fundSource: values.fundSource,
              amountFen,
              subsidyKind: values.subsidyKind,
            })}
          >
            <Form.Item name="claimId" label={t('ledger.claimId')} rules={idRules(t('ledger.claimId'))}>
              <Input />
            </Form.Item>
            <Form.Item
              name="classId"
              label={t('ledger.classIdOptional')}
              rules={idRules(t('ledger.classId'), false)}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="claimantId"
              label={t('ledger.claimantId')}
              rules={idRules(t('ledger.claimantId'))}
            >
              <Input />
            </Form.Item>
            <Form.Item name="claimantKind" label={t('ledger.claimantKind')} rules={[{ required: true }]}>
              <Select
                options={CLAIMANT_KINDS.map((value) => ({ value, label: t(`ledger.claimantKind.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="subsidyKind"
              label={t('ledger.subsidyKind')}
              rules={[
                { required: true, message: t('common.required', { field: t('ledger.subsidyKind') }) },
                { pattern: /^[a-z][a-z0-9_]*$/, message: t('ledger.subsidyKindInvalid') },
              ]}
            >
              <Input />
            </Form.Item>
            {common}
          </LedgerCommandForm>
        </Col>
      </Row>
      <Form
        layout="inline"
        initialValues={{ jurisdiction }}
        onFinish={(values: { jurisdiction: string }) => setJurisdiction(values.jurisdiction)}
      >
        <Form.Item
          name="jurisdiction"
          label={t('ledger.balancesJurisdiction')}
          rules={jurisdictionRules(t, t('ledger.jurisdiction'))}
        >
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Button htmlType="submit">{t('list.filter')}</Button>
      </Form>
      <BalancesTable jurisdiction={jurisdiction} reloadKey={changes} />
    </Space>
  );
}
