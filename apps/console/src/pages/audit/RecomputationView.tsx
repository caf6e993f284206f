// A claim recomputed under the policy as it stood when it was submitted
// (GET /api/v1/audit/claims/:claimId/recomputation): recorded, recomputed, approved and paid in ¥, the
// difference (what is due less what was paid) and the difference of each trainee's line per rule.
import { Card, Descriptions, Table } from 'antd';
import { EmptyText } from '../../components/EmptyText';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import type { LineDifference, Recomputation } from './auditTypes';

export function RecomputationView({ result }: { result: Recomputation }) {
  const { t } = useI18n();
  return (
    <Card title={t('audit.recomputationOf', { id: result.claimId })} data-testid="recomputation">
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('audit.chainStatus')}>
          <StatusTag tone={result.equal ? 'green' : 'red'}>
            {t(result.equal ? 'audit.equal' : 'audit.differs')}
          </StatusTag>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.recorded')}>{formatFen(result.recordedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('audit.recomputed')}>{formatFen(result.recomputedFen)}</Descriptions.Item>
        {result.approvedFen !== undefined && (
          <Descriptions.Item label={t('audit.approved')}>{formatFen(result.approvedFen)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('audit.paid')}>{formatFen(result.paidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('audit.difference')}>{formatFen(result.differenceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('audit.policyVersionsRecorded')}>
          {result.policyVersionIdsRecorded.join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.policyVersionsUsed')}>
          {result.policyVersionIdsUsed.join(', ')}
        </Descriptions.Item>
      </Descriptions>
      <Table<LineDifference>
        aria-label={t('audit.lineDifferences')}
        title={() => t('audit.lineDifferences')}
        rowKey={(line) => `${line.workerId ?? ''}/${line.rule}`}
        size="small"
        dataSource={[...result.lineDifferences]}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: <EmptyText /> }}
        columns={[
          { title: t('audit.workerId'), dataIndex: 'workerId' },
          { title: t('audit.rule'), dataIndex: 'rule' },
          { title: t('audit.recorded'), dataIndex: 'recordedFen', render: (fen: number) => formatFen(fen) },
          {
            title: t('audit.recomputed'),
            dataIndex: 'recomputedFen',
            render: (fen: number) => formatFen(fen),
          },
          {
            title: t('audit.difference'),
            key: 'difference',
            render: (_: unknown, line) => formatFen(line.recomputedFen - line.recordedFen),
          },
        ]}
      />
    </Card>
  );
}
