// One class (GET /api/v1/classes/:classId): its roster, sessions, the attendance matrix, inspections and
// video coverage with its gaps; the refused check-ins a page at a time with their .xlsx export
// (GET /api/v1/rejected-check-ins?classId=). An officer records an inspection (POST …/inspections); the
// institution applies for the assessment (POST /api/v1/assessments) and claims the subsidy.
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { StatusTag } from '../../components/StatusTag';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import { useRouter } from '../../shell/router';
import { OFFICER_ROLES } from './ClassesPage';
import { idsOf } from './OpenClassPage';
import { CERTIFICATE_KINDS, statusTone, type ClassDetail, type RejectedCheckInRow } from './classTypes';

function InspectionForm({ classId, onDone }: { classId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const send = useCallback(
    (values: Record<string, unknown>) =>
      api.send('POST', `/api/v1/classes/${classId}/inspections`, {
        inspectionId: crypto.randomUUID(),
        at: new Date(String(values.at)).toISOString(),
        place: values.place,
        teachersPresent: idsOf(values.teachersPresent),
        headcount: values.headcount,
        ...(values.notes ? { notes: values.notes } : {}),
      }),
    [api, classId],
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
      <Form.Item name="at" label={t('class.inspectionAt')} rules={required('class.inspectionAt')}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="place" label={t('class.place')} rules={required('class.place')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="teachersPresent"
        label={t('class.teachersPresent')}
        rules={required('class.teachersPresent')}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="headcount" label={t('class.headcount')} rules={required('class.headcount')}>
        <InputNumber min={0} max={1000} />
      </Form.Item>
      <Form.Item name="notes" label={t('class.notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}

function AssessmentForm({ classId }: { classId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { navigate } = useRouter();
  const [form] = Form.useForm();
  const send = useCallback(
    async (values: Record<string, unknown>) => {
      const assessmentId = crypto.randomUUID();
      await api.send('POST', '/api/v1/assessments', {
        assessmentId,
        classId,
        certificateKind: values.certificateKind,
      });
      return assessmentId;
    },
    [api, classId],
  );
  const { submit, error, sending } = useApiForm(form, send);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ certificateKind: 'skill_level' }}
      onFinish={async (values) => {
        const assessmentId = await submit(values);
        if (assessmentId) navigate(`/assessments/${assessmentId}`);
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item name="certificateKind" label={t('class.certificateKind')}>
        <Select
          style={{ width: 220 }}
          options={CERTIFICATE_KINDS.map((value) => ({ value, label: t(`class.certificateKind.${value}`) }))}
        />
      </Form.Item>
      <Button htmlType="submit" loading={sending}>
        {t('class.applyAssessment')}
      </Button>
    </Form>
  );
}

export default function ClassPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const { navigate } = useRouter();
  const { message } = App.useApp();
  const { classId } = params;
  const [detail, setDetail] = useState<ClassDetail>();
  const [error, setError] = useState<unknown>();
  const [inspecting, setInspecting] = useState(false);
  const [reload, setReload] = useState(0);
  const officer = principal?.roles.some((role) => OFFICER_ROLES.includes(role));
  const institution = principal?.roles.includes('institution');

  useEffect(() => {
    let live = true;
    api.get<ClassDetail>(`/api/v1/classes/${classId}`).then(
      (answer) => live && setDetail(answer),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [api, classId, reload]);

  const fetchRejected = useCallback(
    async (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: RejectedCheckInRow[]; total: number }>('/api/v1/rejected-check-ins', {
        ...(filters as Record<string, string>),
        classId,
        page,
        pageSize,
      }),
    [api, classId],
  );

  if (error) return <ErrorAlert error={error} />;
  if (!detail) return null;
  const row = detail.class;
  const coverage = detail.coverage;
  const sessionNos = detail.sessions.map((session) => session.sessionNo);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Descriptions column={3} size="small">
          <Descriptions.Item label={t('class.classId')}>{row.classId}</Descriptions.Item>
          <Descriptions.Item label={t('class.status')}>
            <StatusTag tone={statusTone(row.status)}>{t(`class.status.${row.status}`)}</StatusTag>
          </Descriptions.Item>
          <Descriptions.Item label={t('class.occupationCode')}>
            {row.occupationCode} · {row.level}
          </Descriptions.Item>
          <Descriptions.Item label={t('class.startDate')}>{row.startDate}</Descriptions.Item>
          <Descriptions.Item label={t('class.endDate')}>{row.endDate}</Descriptions.Item>
          <Descriptions.Item label={t('class.trainingType')}>
            {t(`class.trainingType.${row.trainingType}` as MessageKey)}
          </Descriptions.Item>
          <Descriptions.Item label={t('class.fundSource')}>
            {t(`class.fundSource.${row.fundSource}` as MessageKey)}
          </Descriptions.Item>
          <Descriptions.Item label={t('class.plannedHeadcount')}>{row.plannedHeadcount}</Descriptions.Item>
          <Descriptions.Item label={t('class.openingDayHeadcount')}>
            {row.openingDayHeadcount ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          {officer && <Button onClick={() => setInspecting(true)}>{t('class.recordInspection')}</Button>}
          {institution && row.status === 'completed' && (
            <Button type="primary" onClick={() => navigate(`/claims/new?classId=${row.classId}`)}>
              {t('class.claim')}
            </Button>
          )}
        </Space>
        {(institution || officer) && (
          <div style={{ marginTop: 12 }}>
            <AssessmentForm classId={row.classId} />
          </div>
        )}
      </Card>

      <Card title={t('class.roster')} size="small">
        <Table
          aria-label={t('class.roster')}
          size="small"
          rowKey="workerId"
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <EmptyText /> }}
          dataSource={detail.roster.map((workerId) => ({ workerId }))}
          columns={[{ title: t('class.attendanceWorker'), dataIndex: 'workerId' }]}
        />
      </Card>

      <Card title={t('class.sessions')} size="small">
        <Table
          aria-label={t('class.sessions')}
          size="small"
          rowKey="sessionNo"
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <EmptyText /> }}
          dataSource={detail.sessions}
          columns={[
            { title: t('class.sessionNo'), dataIndex: 'sessionNo' },
            { title: t('class.date'), dataIndex: 'date' },
            { title: t('class.startsAt'), dataIndex: 'startsAt' },
            { title: t('class.endsAt'), dataIndex: 'endsAt' },
            { title: t('class.present'), dataIndex: 'present' },
          ]}
        />
      </Card>

      <Card title={t('class.attendance')} size="small">
        <Table
          aria-label={t('class.attendance')}
          size="small"
          rowKey="workerId"
          scroll={{ x: true }}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <EmptyText /> }}
          dataSource={detail.attendance}
          columns={[
            { title: t('class.attendanceWorker'), dataIndex: 'workerId', fixed: 'left' },
            ...sessionNos.map((no) => ({
              title: String(no),
              key: `s${no}`,
              render: (_: unknown, r: { sessions: number[] }) =>
                r.sessions.includes(no) ? (
                  <span title={t('class.attended')}>✓</span>
                ) : (
                  <span title={t('class.absent')}>·</span>
                ),
            })),
          ]}
        />
      </Card>

      <Card title={t('class.coverage')} size="small">
        <Space orientation="vertical">
          <StatusTag tone={coverage.theoryCoveredInFull ? 'green' : 'red'}>
            {t('class.theoryMinutes', {
              recorded: coverage.theoryMinutesRecorded,
              required: coverage.theoryMinutesRequired,
            })}
          </StatusTag>
          <StatusTag tone={coverage.practicalMinutesShortfall === 0 ? 'green' : 'red'}>
            {t('class.practicalCovered', {
              covered: coverage.practicalHoursCovered,
              required: coverage.practicalHoursRequired,
              perHour: coverage.practicalMinutesPerHour,
            })}
          </StatusTag>
          {coverage.practicalMinutesShortfall > 0 && (
            <span>{t('class.practicalShortfall', { minutes: coverage.practicalMinutesShortfall })}</span>
          )}
        </Space>
        <Table
          aria-label={t('class.gaps')}
          size="small"
          rowKey={(gap) => `${gap.sessionNo}-${gap.kind}`}
          pagination={{ pageSize: 10 }}
          locale={{ emptyText: <EmptyText /> }}
          dataSource={coverage.gaps}
          columns={[
            { title: t('class.sessionNo'), dataIndex: 'sessionNo' },
            {
              title: t('class.gapKind'),
              dataIndex: 'kind',
              render: (kind: 'theory' | 'practical') => t(`class.gapKind.${kind}`),
            },
            { title: t('class.missingMinutes'), dataIndex: 'missingMinutes' },
          ]}
        />
      </Card>

      <Card title={t('class.inspections')} size="small">
        {detail.averageInspectedHeadcount !== undefined && (
          <p>{t('class.averageInspected', { value: detail.averageInspectedHeadcount })}</p>
        )}
        <Table
          aria-label={t('class.inspections')}
          size="small"
          rowKey="inspectionId"
          pagination={{ pageSize: 10 }}
          locale={{ emptyText: <EmptyText /> }}
          dataSource={detail.inspections}
          columns={[
            {
              title: t('class.inspectionAt'),
              dataIndex: 'at',
              render: (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
            },
            { title: t('class.place'), dataIndex: 'place' },
            { title: t('class.headcount'), dataIndex: 'headcount' },
            {
              title: t('class.teachersPresent'),
              dataIndex: 'teachersPresent',
              render: (ids: string[]) => ids.length,
            },
            { title: t('class.notes'), dataIndex: 'notes' },
          ]}
        />
      </Card>

      <Card title={t('class.rejectedCheckIns')} size="small">
        <PagedList<RejectedCheckInRow>
          caption={t('class.rejectedCheckIns')}
          rowKey="checkInId"
          fetchPage={fetchRejected}
          exportPath="/api/v1/rejected-check-ins/export"
          initialFilters={{ classId }}
          filters={
            <>
              <Form.Item name="classId" hidden>
                <Input />
              </Form.Item>
              <Form.Item name="workerId" label={t('class.attendanceWorker')}>
                <Input style={{ width: 320 }} />
              </Form.Item>
            </>
          }
          columns={[
            {
              title: t('class.checkInAt'),
              dataIndex: 'at',
              render: (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
            },
            { title: t('class.attendanceWorker'), dataIndex: 'workerId' },
            { title: t('class.sessionNo'), dataIndex: 'sessionNo' },
            { title: t('class.deviceId'), dataIndex: 'deviceId' },
            { title: t('class.reasons'), dataIndex: 'reasons' },
          ]}
        />
      </Card>

      <Modal
        open={inspecting}
        title={t('class.recordInspection')}
        footer={null}
        onCancel={() => setInspecting(false)}
        destroyOnHidden
      >
        <InspectionForm
          classId={classId}
          onDone={() => {
            void message.success(t('class.inspectionRecorded'));
            setInspecting(false);
            setReload((n) => n + 1);
          }}
        />
      </Modal>
    </Space>
  );
}
