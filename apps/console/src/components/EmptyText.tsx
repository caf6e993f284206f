import { Typography } from 'antd';
import { useI18n } from '../i18n/i18n';

/** An empty list's text, in a colour with enough contrast (the table's own placeholder grey has not). */
export function EmptyText() {
  const { t } = useI18n();
  return <Typography.Text type="secondary">{t('list.empty')}</Typography.Text>;
}
