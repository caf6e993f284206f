// The classes of the jurisdiction (GET /api/v1/classes, a page at a time; an institution sees its own),
// filtered by status, occupation and start date, exported to .xlsx with the same filters
// (GET /api/v1/classes/export). An officer approves or rejects an application here (POST …/approval,
// …/rejection with a reason).
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { StatusTag } from '../../components/StatusTag';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import { useRouter } from '../../shell/router';
import { CLASS_STATUSES, statusTone, type ClassRow } from './classTypes';

export const OFFICER_ROLES = ['county_officer', 'city_approver', 'admin'];

function RejectForm({ classRow, onDone }: { classRow: ClassRow; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const send = useCallback(
    (values: Record<string, unknown>) =>
      api.send('POST', `/api/v1/classes/${classRow.classId}/rejection`, { reason: values.reason }),
    [api, classRow.classId],
  );
  const { submit, error, sending } = useApiForm(form, send);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (values) => (await submit(values)) !== undefined && onDone()}
    >
      <ErrorAlert error={error} />
      <Form.Item
        name="reason"
        label={t('class.rejectReason')}
        rules={[{ required: true, message: t('common.required', { field: t('class.rejectReason') }) }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}

export default function ClassesPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const { navigate } = useRouter();
  const { message } = App.useApp();
  const [reload, setReload] = useState(0);
  const [rejecting, setRejecting] = useState<ClassRow>();
  const [error, setError] = useState<unknown>();
  const officer = principal?.roles.some((role) => OFFICER_ROLES.includes(role));
  const fetchPage = useCallback(
    async (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: ClassRow[]; total: number }>('/api/v1/classes', {
        ...(filters as Record<string, string>),
        page,
        pageSize,
      }),
    [api],
  );
  const approve = async (row: ClassRow) => {
    setError(undefined);
    try {
      await api.send('POST', `/api/v1/classes/${row.classId}/approval`, {});
      void message.success(t('class.approved'));
      setReload((n) => n + 1);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <PagedList<ClassRow>
        caption={t('nav.classes')}
        rowKey="classId"
        fetchPage={fetchPage}
        exportPath="/api/v1/classes/export"
        reloadKey={reload}
        filters={
          <>
            <Form.Item name="status" label={t('class.status')}>
              <Select
                allowClear
                style={{ width: 140 }}
                options={CLASS_STATUSES.map((value) => ({ value, label: t(`class.status.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="occupationCode" label={t('class.occupationCode')}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="startFrom" label={t('class.startFrom')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="startTo" label={t('class.startTo')}>
              <Input type="date" />
            </Form.Item>
          </>
        }
        columns={[
          { title: t('class.classId'), dataIndex: 'classId', render: (id: string) => id.slice(0, 8) },
          { title: t('class.occupationCode'), dataIndex: 'occupationCode' },
          { title: t('class.level'), dataIndex: 'level' },
          { title: t('class.startDate'), dataIndex: 'startDate' },
          { title: t('class.endDate'), dataIndex: 'endDate' },
          { title: t('class.plannedHeadcount'), dataIndex: 'plannedHeadcount' },
          { title: t('class.jurisdiction'), dataIndex: 'jurisdiction' },
          {
            title: t('class.status'),
            dataIndex: 'status',
            render: (status: ClassRow['status']) => (
              <StatusTag tone={statusTone(status)}>{t(`class.status.${status}`)}</StatusTag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row: ClassRow) => (
              <Space>
                <Button size="small" onClick={() => navigate(`/classes/${row.classId}`)}>
                  {t('class.open')}
                </Button>
                {officer && row.status === 'applied' && (
                  <>
                    <Button size="small" type="primary" onClick={() => void approve(row)}>
                      {t('class.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setRejecting(row)}>
                      {t('class.reject')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={rejecting !== undefined}
        title={t('class.reject')}
        footer={null}
        onCancel={() => setRejecting(undefined)}
        destroyOnHidden
      >
        {rejecting && (
          <RejectForm
            classRow={rejecting}
            onDone={() => {
              void message.success(t('class.rejectedDone'));
              setRejecting(undefined);
              setReload((n) => n + 1);
            }}
          />
        )}
      </Modal>
    </>
  );
}
