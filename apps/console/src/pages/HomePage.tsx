import { Card, Typography } from 'antd';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';

export function HomePage() {
  const { principal, displayName } = useSession();
  const { lang, t } = useI18n();
  if (!principal) return null;
  return (
    <Card>
      <Typography.Title level={3}>
        {t('home.welcome', {
          name: displayName ? (lang === 'zh' ? displayName.zh : displayName.en) : principal.userId,
        })}
      </Typography.Title>
      <Typography.Paragraph>{t('home.jurisdiction', { code: principal.jurisdiction })}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('home.roles', { roles: principal.roles.map((role) => t(`role.${role}`)).join('、') })}
      </Typography.Paragraph>
      <Typography.Paragraph>{t('home.hint')}</Typography.Paragraph>
    </Card>
  );
}
