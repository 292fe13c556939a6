/**
 * The frame of a public page (no login, outside the authenticated shell): the dark header with the logo, the language
 * switch and the way to sign in, the red hero with the title, and the body with a footnote. 公示名单 and 信用查询
 * use it.
 */
import { LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.ts';
import '../pages/registry/registry.css';
import { LanguageSwitch } from './language-switch.tsx';
import { Logo } from './logo.tsx';

export function PublicPageFrame({
  testId,
  titleTestId,
  title,
  subtitle,
  footer,
  children,
}: {
  testId: string;
  titleTestId: string;
  title: ReactNode;
  subtitle: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="lh-public-page" data-testid={testId}>
      <header className="lh-public-header">
        <div className="lh-public-inner lh-public-header-inner">
          <Logo />
          <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
            <LanguageSwitch />
            <Button type="primary" icon={<LoginOutlined />} onClick={() => navigate('/')} data-testid="public-login">
              {t('registry.public.login')}
            </Button>
          </div>
        </div>
      </header>
      <section className="lh-public-hero">
        <div className="lh-public-inner">
          <h1 data-testid={titleTestId}>
            <SafetyCertificateOutlined style={{ marginInlineEnd: 10 }} />
            {title}
          </h1>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.9)', margin: 0, fontSize: 15 }}>{subtitle}</Typography.Paragraph>
        </div>
      </section>
      <main className="lh-public-body">
        {children}
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '24px 0 0', fontSize: 12 }}>
          {footer}
        </Typography.Paragraph>
      </main>
    </div>
  );
}
