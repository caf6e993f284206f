// 开班申请 (POST /api/v1/classes): class-ops judges every opening rule at once and answers each failure
// with its zh/en message; the form shows each next to the field it concerns (classRules.ts), all at once,
// and the rules about the institution itself above the form.
import { Alert, Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import { useRouter } from '../../shell/router';
import { asFieldViolations, ruleFailuresOf, type RuleFailure } from './classRules';
import { FUND_SOURCES, MODES, TRAINING_TYPES } from './classTypes';

/** ids typed one a line (or separated by commas or spaces) */
export const idsOf = (text: unknown): string[] =>
  String(text ?? '')
    .split(/[\s,，、]+/)
    .map((id) => id.trim())
    .filter(Boolean);

export function OpenClassForm({
  onApplied,
  initialValues = {},
}: {
  onApplied: (classId: string) => void;
  initialValues?: Record<string, unknown>;
}) {
  const { t, lang } = useI18n();
  const { api, principal } = useSession();
  const [form] = Form.useForm();
  const [failed, setFailed] = useState<{ count: number; withoutField: readonly RuleFailure[] }>();
  const send = useCallback(
    async (values: Record<string, unknown>) => {
      setFailed(undefined);
      const classId = crypto.randomUUID();
      const site = (values.site ?? {}) as Record<string, unknown>;
      try {
        return await api.send<{ id: string }>('POST', '/api/v1/classes', {
          classId,
          institutionId: principal?.institutionId,
          occupationCode: values.occupationCode,
          level: values.level,
          trainingType: values.trainingType,
          startDate: values.startDate,
          endDate: values.endDate,
          totalHours: values.totalHours,
          theoryHours: values.theoryHours,
          practicalHours: values.practicalHours,
          lessonMinutes: values.lessonMinutes,
          teachingPlanReference: values.teachingPlanReference,
          site: { name: site.name, lat: site.lat, lng: site.lng, radiusMetres: site.radiusMetres },
          teacherIds: idsOf(values.teacherIds),
          mode: values.mode,
          keyGroup: values.keyGroup === true,
          workerIds: idsOf(values.workerIds),
          plannedHeadcount: values.plannedHeadcount,
          fundSource: values.fundSource,
          ...(values.dailyStartTime ? { dailyStartTime: values.dailyStartTime } : {}),
        });
      } catch (caught) {
        const failures = ruleFailuresOf(caught);
        if (failures.length === 0 || !(caught instanceof ApiError)) throw caught;
        const converted = asFieldViolations(caught);
        setFailed({
          count: failures.length,
          withoutField: converted.body.details?.failures as RuleFailure[],
        });
        throw converted;
      }
    },
    [api, principal?.institutionId],
  );
  const { submit, error, sending } = useApiForm(form, send);
  const required = (field: MessageKey) => [
    { required: true, message: t('common.required', { field: t(field) }) },
  ];
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      initialValues={{
        level: 5,
        trainingType: 'employment_skills',
        mode: 'commissioned',
        fundSource: 'employment_subsidy_fund',
        lessonMinutes: 45,
        keyGroup: false,
        ...initialValues,
      }}
      onFinish={async (values) => {
        const answer = await submit(values);
        if (answer) onApplied(answer.id);
      }}
    >
      {failed && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="class-rules-failed"
          style={{ marginBottom: 16 }}
          title={t('class.rulesFailed', { count: failed.count })}
          description={
            failed.withoutField.length > 0 && (
              <div>
                <div>{t('class.rulesWithoutField')}</div>
                {failed.withoutField.map((failure) => (
                  <div key={failure.code + (failure.summary ?? '')}>
                    {lang === 'zh' ? failure.message.zh : failure.message.en}
                  </div>
                ))}
              </div>
            )
          }
        />
      )}
      <ErrorAlert error={failed ? undefined : error} />
      <Space wrap align="start">
        <Form.Item
          name="occupationCode"
          label={t('class.occupationCode')}
          rules={required('class.occupationCode')}
        >
          <Input placeholder="6-18-02-04" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="level" label={t('class.level')} rules={required('class.level')}>
          <InputNumber min={1} max={5} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="trainingType" label={t('class.trainingType')} rules={required('class.trainingType')}>
          <Select style={{ width: 220 }} options={options(TRAINING_TYPES, 'class.trainingType')} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="startDate" label={t('class.startDate')} rules={required('class.startDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="endDate" label={t('class.endDate')} rules={required('class.endDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="dailyStartTime" label={t('class.dailyStartTime')}>
          <Input type="time" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="totalHours" label={t('class.totalHours')} rules={required('class.totalHours')}>
          <InputNumber min={1} max={5000} />
        </Form.Item>
        <Form.Item name="theoryHours" label={t('class.theoryHours')} rules={required('class.theoryHours')}>
          <InputNumber min={0} max={5000} />
        </Form.Item>
        <Form.Item
          name="practicalHours"
          label={t('class.practicalHours')}
          rules={required('class.practicalHours')}
        >
          <InputNumber min={0} max={5000} />
        </Form.Item>
        <Form.Item
          name="lessonMinutes"
          label={t('class.lessonMinutes')}
          rules={required('class.lessonMinutes')}
        >
          <InputNumber min={1} max={240} />
        </Form.Item>
      </Space>
      <Form.Item
        name="teachingPlanReference"
        label={t('class.teachingPlan')}
        rules={required('class.teachingPlan')}
      >
        <Input />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name={['site', 'name']} label={t('class.siteName')} rules={required('class.siteName')}>
          <Input />
        </Form.Item>
        <Form.Item name={['site', 'lat']} label={t('class.siteLat')} rules={required('class.siteLat')}>
          <InputNumber min={-90} max={90} step={0.0001} />
        </Form.Item>
        <Form.Item name={['site', 'lng']} label={t('class.siteLng')} rules={required('class.siteLng')}>
          <InputNumber min={-180} max={180} step={0.0001} />
        </Form.Item>
        <Form.Item
          name={['site', 'radiusMetres']}
          label={t('class.siteRadius')}
          rules={required('class.siteRadius')}
        >
          <InputNumber min={1} max={100000} />
        </Form.Item>
      </Space>
      <Form.Item name="teacherIds" label={t('class.teacherIds')} rules={required('class.teacherIds')}>
        <Input.TextArea rows={2} autoComplete="off" />
      </Form.Item>
      <Form.Item name="workerIds" label={t('class.workerIds')} rules={required('class.workerIds')}>
        <Input.TextArea rows={4} autoComplete="off" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item
          name="plannedHeadcount"
          label={t('class.plannedHeadcount')}
          rules={required('class.plannedHeadcount')}
        >
          <InputNumber min={1} max={500} />
        </Form.Item>
        <Form.Item name="mode" label={t('class.mode')} rules={required('class.mode')}>
          <Select style={{ width: 200 }} options={options(MODES, 'class.mode')} />
        </Form.Item>
        <Form.Item name="fundSource" label={t('class.fundSource')} rules={required('class.fundSource')}>
          <Select style={{ width: 260 }} options={options(FUND_SOURCES, 'class.fundSource')} />
        </Form.Item>
      </Space>
      <Form.Item name="keyGroup" valuePropName="checked">
        <Checkbox>{t('class.keyGroup')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}

export default function OpenClassPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [applied, setApplied] = useState<string>();
  return (
    <>
      {applied && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('class.applied', { id: applied })}
          action={<Button onClick={() => navigate(`/classes/${applied}`)}>{t('class.open')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <OpenClassForm onApplied={setApplied} />
    </>
  );
}
