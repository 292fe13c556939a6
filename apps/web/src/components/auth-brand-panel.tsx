import { AuditOutlined, CheckCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.ts';
import { LogoMark } from './logo.tsx';

/** The gradient brand panel on the left of the login / sign-up pages. */
export function AuthBrandPanel() {
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
