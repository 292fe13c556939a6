/** 公示名单 (public, no login): the certified bases and streamers, outside the authenticated shell. */
import { LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { Logo } from '../../components/logo.tsx';
import { useI18n } from '../../i18n/index.ts';
import { PublicLists } from './public-lists.tsx';
import './registry.css';

export function PublicListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="lh-public-page" data-testid="public-list-page">
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
          <h1 data-testid="public-title">
            <SafetyCertificateOutlined style={{ marginInlineEnd: 10 }} />
            {t('registry.public.title')}
          </h1>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.9)', margin: 0, fontSize: 15 }}>
            {t('registry.public.subtitle')}
          </Typography.Paragraph>
        </div>
      </section>
      <main className="lh-public-body">
        <PublicLists />
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '24px 0 0', fontSize: 12 }}>
          {t('registry.public.footer')}
        </Typography.Paragraph>
      </main>
    </div>
  );
}
