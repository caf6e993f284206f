// One claim (GET /api/v1/claims/:claimId): the platform's computed breakdown line by line — each line's
// policy text and evidence one click away — the difference from the amount requested with the platform's
// reasons, reviews, notice, objections and payments. Officers act on it as its status allows: first
// review, second review (never offered to the officer who made the first: the service refuses it too),
// the public notice, objections' resolution, approval.
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import { formatFen } from '../../money';
import { useRouter } from '../../shell/router';
import { OFFICER_ROLES } from '../classes/ClassesPage';
import { claimTone, type BreakdownLine, type ClaimView } from './claimTypes';

type Objection = ClaimView['objections'][number];

/** How long the page asks again for the claim's view after an action before it shows what it has. */
const VIEW_CATCH_UP_MS = 30_000;

const PAYMENT_OUTCOMES: readonly string[] = [
  'paid',
  'payment_failed',
  'commitment_refused',
  'recovery_requested',
];

function ReviewForm({
  claimId,
  stage,
  onDone,
}: {
  claimId: string;
  stage: 'first' | 'second';
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const send = useCallback(
    (values: Record<string, unknown>) =>
      api.send('POST', `/api/v1/claims/${claimId}/${stage}-review`, values),
    [api, claimId, stage],
  );
  const { submit, error, sending } = useApiForm(form, send);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ decision: 'approve' }}
      onFinish={async (values) => (await submit(values)) !== undefined && onDone()}
    >
      <ErrorAlert error={error} />
      <Form.Item name="decision" label={t('claim.decision')}>
        <Select
          options={(['approve', 'return', 'reject'] as const).map((value) => ({
            value,
            label: t(`claim.decision.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('claim.reviewReason')}
        rules={[{ required: true, message: t('common.required', { field: t('claim.reviewReason') }) }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {stage === 'first' ? t('claim.firstReview') : t('claim.secondReview')}
      </Button>
    </Form>
  );
}

function ResolveForm({
  claimId,
  objection,
  onDone,
}: {
  claimId: string;
  objection: Objection;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const send = useCallback(
    (values: Record<string, unknown>) =>
      api.send('POST', `/api/v1/claims/${claimId}/objections/${objection.objectionId}/resolution`, values),
    [api, claimId, objection.objectionId],
  );
  const { submit, error, sending } = useApiForm(form, send);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ finding: 'dismissed' }}
      onFinish={async (values) => (await submit(values)) !== undefined && onDone()}
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph>{objection.statement}</Typography.Paragraph>
      <Form.Item name="finding" label={t('claim.finding')}>
        <Select
          options={(['dismissed', 'upheld'] as const).map((value) => ({
            value,
            label: t(`claim.finding.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('claim.note')}
        rules={[{ required: true, message: t('common.required', { field: t('claim.note') }) }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('claim.resolve')}
      </Button>
    </Form>
  );
}

export default function ClaimPage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useI18n();
  const { api, principal } = useSession();
  const { navigate } = useRouter();
  const { message } = App.useApp();
  const { claimId } = params;
  const [claim, setClaim] = useState<ClaimView>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [evidence, setEvidence] = useState<BreakdownLine>();
  const [resolving, setResolving] = useState<Objection>();
  const [acting, setActing] = useState(false);
  const officer = principal?.roles.some((role) => OFFICER_ROLES.includes(role));
  const text = (pair: { zh: string; en: string }) => (lang === 'zh' ? pair.zh : pair.en);

  const load = useCallback(
    async (changed?: (view: ClaimView) => boolean) => {
      // the claim's view follows its events: after an action, ask again until it shows the change —
      // four times a second at first, then once a second, for up to VIEW_CATCH_UP_MS (a busy platform
      // can take seconds to project an event; the page must not settle on the view from before)
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          const view = await api.get<ClaimView>(`/api/v1/claims/${claimId}`);
          if (!changed || changed(view) || Date.now() - started >= VIEW_CATCH_UP_MS) {
            setClaim(view);
            return;
          }
        } catch (caught) {
          setError(caught);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, attempt < 20 ? 250 : 1_000));
      }
    },
    [api, claimId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const after = (done: MessageKey, changed: (view: ClaimView) => boolean) => {
    void message.success(t(done));
    void load(changed);
  };
  const act = async (path: string, done: MessageKey, changed: (view: ClaimView) => boolean) => {
    setActionError(undefined);
    setActing(true);
    try {
      await api.send('POST', `/api/v1/claims/${claimId}/${path}`, {});
      after(done, changed);
    } catch (caught) {
      setActionError(caught);
    } finally {
      setActing(false);
    }
  };

  if (error) return <ErrorAlert error={error} />;
  if (!claim) return null;
  const { summary, computation, difference } = claim;
  const status = summary.status;
  const firstReview = claim.reviews.find((review) => review.stage === 'first');
  const statusIs = (want: string) => (view: ClaimView) => view.summary.status === want;
  const differenceFen = difference?.differenceFen ?? summary.requestedFen - summary.computedFen;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('claim.summary')}>
        <Descriptions column={3} size="small">
          <Descriptions.Item label={t('claim.claimId')}>{summary.claimId}</Descriptions.Item>
          <Descriptions.Item label={t('claim.kind')}>
            {t(`claim.kind.${summary.kind}` as MessageKey)} ·{' '}
            {t(`claim.tranche.${summary.tranche}` as MessageKey)}
          </Descriptions.Item>
          <Descriptions.Item label={t('claim.status')}>
            <span data-testid="claim-status">
              <StatusTag tone={claimTone(status)}>{t(`claim.status.${status}`)}</StatusTag>
            </span>
          </Descriptions.Item>
          {summary.classId && (
            <Descriptions.Item label={t('claim.classId')}>
              <Button type="link" size="small" onClick={() => navigate(`/classes/${summary.classId}`)}>
                {summary.classId}
              </Button>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('claim.submittedOn')}>{summary.submittedOn}</Descriptions.Item>
          <Descriptions.Item label={t('claim.dueOn')}>
            {summary.dueOn ?? '—'} {summary.overdue && <StatusTag tone="red">{t('claim.overdue')}</StatusTag>}
          </Descriptions.Item>
          {claim.noticeStartsOn && claim.noticeEndsOn && (
            <Descriptions.Item label={t('claim.publishNotice')}>
              {t('claim.notice', { from: claim.noticeStartsOn, to: claim.noticeEndsOn })}
            </Descriptions.Item>
          )}
          {claim.approvedFen !== undefined && (
            <Descriptions.Item label={t('claim.approvedAmount')}>
              {formatFen(claim.approvedFen)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card title={t('claim.difference')} data-testid="claim-difference">
        <Descriptions column={3} size="small">
          <Descriptions.Item label={t('claim.requestedAmount')}>
            {formatFen(summary.requestedFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('claim.computed')}>{formatFen(summary.computedFen)}</Descriptions.Item>
          <Descriptions.Item label={t('claim.difference')}>
            <strong>{formatFen(differenceFen)}</strong>
          </Descriptions.Item>
        </Descriptions>
        {difference?.claimantReason && (
          <Typography.Paragraph>
            {t('claim.differenceReason')}：{difference.claimantReason}
          </Typography.Paragraph>
        )}
        {difference && difference.platformReasons.length > 0 && (
          <>
            <Typography.Text strong>{t('claim.platformReasons')}</Typography.Text>
            <ul>
              {difference.platformReasons.map((reason) => (
                <li key={reason.code + (reason.workerId ?? '')}>
                  {reason.workerId ? `${reason.workerId}：` : ''}
                  {text(reason)}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      <Card title={t('claim.breakdown')} size="small">
        {computation.headcountBasis && (
          <Typography.Paragraph>
            {t('claim.headcountBasis', {
              eligible: computation.headcountBasis.eligible,
              opening: computation.headcountBasis.openingDayHeadcount,
              basis: computation.headcountBasis.basis,
            })}
          </Typography.Paragraph>
        )}
        <Table<BreakdownLine & { key: number }>
          aria-label={t('claim.breakdown')}
          size="small"
          rowKey="key"
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <EmptyText /> }}
          // a worker may have several lines of one rule (tranches): the line's place is its key
          dataSource={computation.lines.map((line, key) => ({ ...line, key }))}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                {t('claim.computed')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <strong>{formatFen(computation.totalFen)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
            </Table.Summary.Row>
          )}
          columns={[
            { title: t('claim.worker'), dataIndex: 'workerId' },
            { title: t('claim.rule'), dataIndex: 'rule' },
            { title: t('claim.days'), dataIndex: 'days' },
            {
              title: t('claim.rate'),
              dataIndex: 'ratePerDayFen',
              align: 'right',
              render: (fen?: number) => (fen === undefined ? '' : formatFen(fen)),
            },
            // the tranche's (or headcount's) share: 10 days × ¥150 × 0.8 = ¥1,200 reads right
            { title: t('claim.share'), dataIndex: 'share', align: 'right' },
            {
              title: t('claim.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (fen: number) => formatFen(fen),
            },
            {
              title: t('claim.evidence'),
              key: 'evidence',
              render: (_: unknown, line: BreakdownLine) => (
                <Button size="small" onClick={() => setEvidence(line)}>
                  {t('claim.evidence')}
                </Button>
              ),
            },
          ]}
        />
        {computation.notes.map((note) => (
          <Typography.Paragraph key={note.zh}>{text(note)}</Typography.Paragraph>
        ))}
      </Card>

      {computation.excluded.length > 0 && (
        <Card title={t('claim.excluded')} size="small">
          <Table
            aria-label={t('claim.excluded')}
            size="small"
            rowKey={(row) => row.workerId + row.code}
            pagination={{ pageSize: 20 }}
            dataSource={computation.excluded}
            columns={[
              { title: t('claim.worker'), dataIndex: 'workerId' },
              {
                title: t('claim.reason'),
                dataIndex: 'reason',
                render: (reason: { zh: string; en: string }) => text(reason),
              },
            ]}
          />
        </Card>
      )}

      {officer && (
        <Card title={t('common.actions')} size="small" data-testid="claim-actions">
          <ErrorAlert error={actionError} />
          {status === 'submitted' && (
            <ReviewForm
              claimId={claimId}
              stage="first"
              onDone={() => after('claim.reviewed', (view) => view.summary.status !== 'submitted')}
            />
          )}
          {status === 'first_reviewed' &&
            (firstReview?.reviewedBy === principal?.userId ? (
              <Alert type="info" showIcon title={t('claim.sameReviewer')} />
            ) : (
              <ReviewForm
                claimId={claimId}
                stage="second"
                onDone={() => after('claim.reviewed', (view) => view.summary.status !== 'first_reviewed')}
              />
            ))}
          {status === 'second_reviewed' && (
            <Button
              type="primary"
              loading={acting}
              onClick={() => void act('notice', 'claim.noticePublished', statusIs('on_notice'))}
            >
              {t('claim.publishNotice')}
            </Button>
          )}
          {status === 'on_notice' && (
            <Button
              type="primary"
              loading={acting}
              onClick={() => void act('approval', 'claim.approvedDone', statusIs('approved'))}
            >
              {t('claim.approve')}
            </Button>
          )}
        </Card>
      )}

      <Card title={t('claim.reviews')} size="small">
        <Table
          aria-label={t('claim.reviews')}
          size="small"
          rowKey="stage"
          pagination={false}
          locale={{ emptyText: <EmptyText /> }}
          dataSource={claim.reviews}
          columns={[
            {
              title: t('claim.stage'),
              dataIndex: 'stage',
              render: (stage: 'first' | 'second') => t(`claim.stage.${stage}`),
            },
            {
              title: t('claim.decision'),
              dataIndex: 'decision',
              render: (decision: 'approve' | 'return' | 'reject') => t(`claim.decision.${decision}`),
            },
            { title: t('claim.reviewReason'), dataIndex: 'reason' },
            { title: t('claim.reviewedBy'), dataIndex: 'reviewedBy' },
            { title: t('claim.reviewedOn'), dataIndex: 'reviewedOn' },
          ]}
        />
      </Card>

      <Card title={t('claim.objections')} size="small">
        <Table<Objection>
          aria-label={t('claim.objections')}
          size="small"
          rowKey="objectionId"
          pagination={{ pageSize: 10 }}
          locale={{ emptyText: <EmptyText /> }}
          dataSource={claim.objections}
          columns={[
            {
              title: t('claim.objectionBy'),
              dataIndex: 'by',
              render: (by: Objection['by']) => t(`claim.objectionBy.${by}`),
            },
            { title: t('claim.statement'), dataIndex: 'statement' },
            { title: t('claim.contact'), dataIndex: 'contact' },
            { title: t('claim.raisedOn'), dataIndex: 'raisedOn' },
            {
              title: t('claim.finding'),
              dataIndex: 'finding',
              render: (finding: Objection['finding'], objection: Objection) =>
                finding ? (
                  `${t(`claim.finding.${finding}`)}：${objection.note ?? ''}`
                ) : officer ? (
                  <Button size="small" onClick={() => setResolving(objection)}>
                    {t('claim.resolve')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>

      {claim.payments.length > 0 && (
        <Card title={t('claim.payments')} size="small">
          <Table
            aria-label={t('claim.payments')}
            size="small"
            rowKey={(payment) => payment.paymentId ?? payment.outcome}
            pagination={false}
            dataSource={claim.payments}
            columns={[
              {
                title: t('claim.outcome'),
                dataIndex: 'outcome',
                // the outcomes the dictionary names; one the service adds later shows as it names it
                render: (outcome: string) =>
                  PAYMENT_OUTCOMES.includes(outcome) ? t(`claim.outcome.${outcome}` as MessageKey) : outcome,
              },
              { title: t('claim.paymentId'), dataIndex: 'paymentId' },
              {
                title: t('claim.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (fen?: number) => (fen === undefined ? '' : formatFen(fen)),
              },
              { title: t('claim.reason'), dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}

      <Drawer
        open={evidence !== undefined}
        title={t('claim.evidenceTitle')}
        size={560}
        onClose={() => setEvidence(undefined)}
      >
        {evidence && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="claim-evidence">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('claim.rule')}>{evidence.rule}</Descriptions.Item>
              <Descriptions.Item label={t('claim.worker')}>{evidence.workerId ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('claim.amount')}>
                {evidence.days !== undefined && evidence.ratePerDayFen !== undefined
                  ? `${evidence.days} × ${formatFen(evidence.ratePerDayFen)} = `
                  : ''}
                {formatFen(evidence.amountFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('claim.policyVersion')}>
                {evidence.policyVersionId}
              </Descriptions.Item>
              {evidence.evidence.certificateId && (
                <Descriptions.Item label={t('claim.certificateId')}>
                  {evidence.evidence.certificateId}
                </Descriptions.Item>
              )}
              {evidence.note && (
                <Descriptions.Item label={t('claim.reason')}>{text(evidence.note)}</Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Text strong>{t('claim.clause')}</Typography.Text>
            {evidence.clause.map((clause) => (
              <blockquote key={clause} className="policy-clause">
                {clause}
              </blockquote>
            ))}
            {evidence.evidence.classId && (
              <Button onClick={() => navigate(`/classes/${evidence.evidence.classId}`)}>
                {t('claim.openClass')}
              </Button>
            )}
          </Space>
        )}
      </Drawer>

      <Modal
        open={resolving !== undefined}
        title={t('claim.resolve')}
        footer={null}
        onCancel={() => setResolving(undefined)}
        destroyOnHidden
      >
        {resolving && (
          <ResolveForm
            claimId={claimId}
            objection={resolving}
            onDone={() => {
              const id = resolving.objectionId;
              setResolving(undefined);
              after('claim.resolved', (view) =>
                view.objections.some((o) => o.objectionId === id && o.finding !== undefined),
              );
            }}
          />
        )}
      </Modal>
    </Space>
  );
}
