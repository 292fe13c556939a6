import { AuditOutlined, CheckCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { LogoMark } from './logo.tsx';

/** The gradient brand panel on the left of the login / sign-up pages. */
function AuthBrandPanel() {
  const { t } = useI18n();
  const features = [
    { icon: <CheckCircleFilled />, text: t('login.feature1') },
    { icon: <AuditOutlined />, text: t('login.feature2') },
    { icon: <SafetyCertificateOutlined />, text: t('login.feature3') },
  ];
  return (
    <div className="lh-auth-brand">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <LogoMark size={44} />
        <span style={{ fontSize: 22, fontWeight: 700 }}>{t('app.brand')}</span>
      </div>
      <h1>{t('app.brandSub')}</h1>
      <p>{t('app.slogan')}</p>
      {features.map((f) => (
        <div className="lh-auth-feature" key={f.text}>
          {f.icon}
          <span>{f.text}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * The frame of the login / sign-up pages: the brand panel, the language switch, and a card with the app's mark, the
 * page's title and subtitle above its form.
 */
export function AuthPage({ testId, title, subtitle, children }: { testId: string; title: string; subtitle: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="lh-auth-page" data-testid={testId}>
      <AuthBrandPanel />
      <div className="lh-auth-panel" style={{ position: 'relative' }}>
        <div className="lh-auth-lang">
          <LanguageSwitch />
        </div>
        <Card className="lh-auth-card" variant="borderless" style={{ boxShadow: '0 8px 32px rgba(0,0,0,0.08)' }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 10, marginBottom: 4 }}>
            <LogoMark size={28} />
            <Typography.Text strong style={{ fontSize: 16 }}>
              {t('app.title')}
            </Typography.Text>
          </div>
          <Typography.Title level={3} style={{ margin: '16px 0 4px' }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
          {children}
        </Card>
      </div>
    </div>
  );
}
