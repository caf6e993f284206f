// The card the sign-in pages stand in, before anyone is signed in: the console's name and the language
// toggle above what the page says (the sign-in button, or the callback's progress and refusals).
import { Card, Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export function SignInFrame({
  languageToggle,
  children,
}: {
  languageToggle: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <main>
        <Card style={{ width: 440 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Title level={2} style={{ margin: 0 }}>
                {t('app.title')}
              </Typography.Title>
              {languageToggle}
            </Space>
            {children}
          </Space>
        </Card>
      </main>
    </Layout>
  );
}
