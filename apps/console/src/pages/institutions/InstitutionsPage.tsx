// Institutions of the jurisdiction (GET /api/v1/institutions, paged by offset), filtered by status; an
// officer records the expert site evaluation (POST …/site-evaluations), lists an applicant in the
// directory (POST …/listing with its publication batch) and registers
// a full-time teacher (POST …/teachers). The API's refusals are shown in the chosen language.
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { useApiForm } from '../../components/useApiForm';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';

interface InstitutionView {
  institutionId: string;
  name: string;
  creditCode: string;
  type: string;
  jurisdiction: string;
  status: 'applied' | 'listed' | 'suspended' | 'delisted';
  teachers: { teacherId: string }[];
  appliedOn: string;
  publicationBatch?: string;
}

const STATUSES = ['applied', 'listed', 'suspended', 'delisted'] as const;
type Action = 'evaluation' | 'listing' | 'teacher';
const ACTION_TITLES: Record<Action, MessageKey> = {
  evaluation: 'institution.recordEvaluation',
  listing: 'institution.list',
  teacher: 'institution.addTeacher',
};
const ACTION_DONE: Record<Action, MessageKey> = {
  evaluation: 'institution.evaluationRecorded',
  listing: 'institution.listed',
  teacher: 'institution.teacherAdded',
};

function ActionForm({
  institution,
  kind,
  onDone,
}: {
  institution: InstitutionView;
  kind: Action;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const send = useCallback(
    (values: Record<string, unknown>) => {
      if (kind === 'listing')
        return api.send('POST', `/api/v1/institutions/${institution.institutionId}/listing`, values);
      if (kind === 'evaluation')
        return api.send('POST', `/api/v1/institutions/${institution.institutionId}/site-evaluations`, {
          ...values,
          passed: values.passed === true,
        });
      const teacher = (values.teacher ?? {}) as Record<string, unknown>;
      return api.send('POST', `/api/v1/institutions/${institution.institutionId}/teachers`, {
        teacher: {
          teacherId: crypto.randomUUID(),
          name: teacher.name,
          idNumber: teacher.idNumber,
          occupationCodes: String(teacher.occupationCodes ?? '')
            .split(/[,，\s]+/)
            .filter(Boolean),
          ...(teacher.certificateNumber ? { certificateNumber: teacher.certificateNumber } : {}),
          fullTime: true,
        },
      });
    },
    [api, institution.institutionId, kind],
  );
  const { submit, error, sending } = useApiForm(form, send);
  const required = (field: MessageKey) => [
    { required: true, message: t('common.required', { field: t(field) }) },
  ];
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (values) => (await submit(values)) !== undefined && onDone()}
    >
      <ErrorAlert error={error} />
      {kind === 'evaluation' && (
        <>
          <Form.Item
            name="evaluatedOn"
            label={t('institution.evaluatedOn')}
            rules={required('institution.evaluatedOn')}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="reportReference"
            label={t('institution.reportReference')}
            rules={required('institution.reportReference')}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="expertCount"
            label={t('institution.expertCount')}
            rules={required('institution.expertCount')}
          >
            <InputNumber min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="passed" valuePropName="checked" initialValue={true}>
            <Checkbox>{t('institution.evaluationPassed')}</Checkbox>
          </Form.Item>
        </>
      )}
      {kind === 'evaluation' ? null : kind === 'listing' ? (
        <Form.Item
          name="publicationBatch"
          label={t('institution.publicationBatch')}
          rules={required('institution.publicationBatch')}
        >
          <Input />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name={['teacher', 'name']}
            label={t('institution.teacherName')}
            rules={required('institution.teacherName')}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name={['teacher', 'idNumber']}
            label={t('institution.teacherIdNumber')}
            rules={required('institution.teacherIdNumber')}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={['teacher', 'occupationCodes']}
            label={t('institution.occupationCode')}
            rules={required('institution.occupationCode')}
          >
            <Input />
          </Form.Item>
          <Form.Item name={['teacher', 'certificateNumber']} label={t('institution.teacherCertificate')}>
            <Input />
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}

export default function InstitutionsPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const { message } = App.useApp();
  const [action, setAction] = useState<{ institution: InstitutionView; kind: Action }>();
  const [reload, setReload] = useState(0);
  const officer = principal?.roles.some((role) =>
    ['county_officer', 'city_approver', 'admin'].includes(role),
  );
  const fetchPage = useCallback(
    async (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: InstitutionView[]; total: number }>('/api/v1/institutions', {
        status: filters.status as string | undefined,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }),
    [api],
  );
  return (
    <>
      <PagedList<InstitutionView>
        caption={t('nav.institutions')}
        rowKey="institutionId"
        fetchPage={fetchPage}
        reloadKey={reload}
        filters={
          <Form.Item name="status" label={t('institution.status')}>
            <Select
              allowClear
              style={{ width: 160 }}
              options={STATUSES.map((value) => ({ value, label: t(`institution.status.${value}`) }))}
            />
          </Form.Item>
        }
        columns={[
          { title: t('institution.name'), dataIndex: 'name' },
          { title: t('institution.creditCode'), dataIndex: 'creditCode' },
          {
            title: t('institution.type'),
            dataIndex: 'type',
            render: (v: string) => t(`institution.type.${v}` as MessageKey),
          },
          { title: t('institution.jurisdiction'), dataIndex: 'jurisdiction' },
          {
            title: t('institution.status'),
            dataIndex: 'status',
            render: (s: InstitutionView['status']) => (
              <StatusTag tone={s === 'listed' ? 'green' : s === 'applied' ? 'blue' : 'orange'}>
                {t(`institution.status.${s}`)}
              </StatusTag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, institution: InstitutionView) =>
              officer && (
                <Space>
                  {institution.status === 'applied' && (
                    <>
                      <Button size="small" onClick={() => setAction({ institution, kind: 'evaluation' })}>
                        {t('institution.recordEvaluation')}
                      </Button>
                      <Button size="small" onClick={() => setAction({ institution, kind: 'listing' })}>
                        {t('institution.list')}
                      </Button>
                    </>
                  )}
                  <Button size="small" onClick={() => setAction({ institution, kind: 'teacher' })}>
                    {t('institution.addTeacher')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={action !== undefined}
        title={action ? `${t(ACTION_TITLES[action.kind])} · ${action.institution.name}` : ''}
        footer={null}
        onCancel={() => setAction(undefined)}
        destroyOnHidden
      >
        {action && (
          <ActionForm
            institution={action.institution}
            kind={action.kind}
            onDone={() => {
              void message.success(t(ACTION_DONE[action.kind]));
              setAction(undefined);
              setReload((n) => n + 1);
            }}
          />
        )}
      </Modal>
    </>
  );
}
