import { GlobalOutlined } from '@ant-design/icons';
import { LOCALES } from '@livehub/contracts';
import { Button, Dropdown } from 'antd';
import { useI18n } from '../i18n/index.ts';

export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: t(`lang.${l}`), 'data-testid': `lang-${l}` })),
        onClick: ({ key }) => {
          const next = LOCALES.find((l) => l === key);
          if (next) setLocale(next);
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        aria-label={t('lang.label')}
        style={light ? { color: '#595959' } : undefined}
      >
        {t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
