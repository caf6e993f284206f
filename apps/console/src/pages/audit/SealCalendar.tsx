// The published daily seals (GET /api/v1/public/audit/seals, every page): how many days are sealed, the
// first and the last, the days missing between seals, the days over and not sealed yet, and the keys
// that verify the signatures.
import { Descriptions } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import { daysBehind, sealGaps, shanghaiToday } from './auditFacts';
import type { DailySeal, SealPage } from './auditTypes';

export function SealCalendar({ reloadKey }: { reloadKey: number }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [seals, setSeals] = useState<{ items: DailySeal[]; keys: string[] }>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    (async () => {
      const items: DailySeal[] = [];
      let keys: string[] = [];
      let from: number | undefined = 1;
      while (from !== undefined) {
        const page: SealPage = await api.get<SealPage>('/api/v1/public/audit/seals', {
          fromSequence: from,
          pageSize: 1000,
        });
        items.push(...page.items);
        keys = page.publicKeys.map((key) => key.keyId);
        from = page.nextFromSequence;
      }
      if (live) setSeals({ items, keys });
    })().catch((caught: unknown) => live && setError(caught));
    return () => {
      live = false;
    };
  }, [api, reloadKey]);
  if (error) return <ErrorAlert error={error} />;
  if (!seals) return null;
  const days = seals.items.map((seal) => seal.day);
  const gaps = sealGaps(days);
  const last = days[days.length - 1];
  const behind = daysBehind(last, shanghaiToday());
  return (
    <Descriptions bordered size="small" column={1} data-testid="seal-calendar">
      <Descriptions.Item label={t('audit.sealCount')}>{seals.items.length}</Descriptions.Item>
      <Descriptions.Item label={t('audit.firstSealedDay')}>{days[0] ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('audit.lastSealedDay')}>{last ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('audit.sealGaps')}>
        <StatusTag tone={gaps.length === 0 ? 'green' : 'red'}>
          {gaps.length === 0 ? t('audit.noGaps') : gaps.join(', ')}
        </StatusTag>
      </Descriptions.Item>
      <Descriptions.Item label={t('audit.daysBehind')}>{behind}</Descriptions.Item>
      <Descriptions.Item label={t('audit.publicKeys')}>{seals.keys.join(', ')}</Descriptions.Item>
    </Descriptions>
  );
}
