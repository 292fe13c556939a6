import { useI18n } from '../i18n/index.ts';

export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <span className="lh-logo-mark" style={{ width: size, height: size }} aria-hidden>
      <svg viewBox="0 0 24 24" width={size * 0.5} height={size * 0.5} fill="#fff" role="presentation">
        <path d="M7 4.5v15l12.5-7.5z" />
      </svg>
    </span>
  );
}

export function Logo({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="lh-logo" data-testid="logo">
      <LogoMark />
      {collapsed ? null : (
        <span className="lh-logo-text">
          <span className="lh-logo-title">{t('app.brand')}</span>
          <span className="lh-logo-sub">{t('app.brandSub')}</span>
        </span>
      )}
    </div>
  );
}
