/** Application providers: TanStack Query, i18n, antd ConfigProvider (locale + brand theme), router. */
import type { Locale } from '@livehub/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { type I18nContextValue, I18nContext, type MessageKey, readStoredLocale, storeLocale, translate, useI18n } from './i18n/index.ts';
import { isApiError, setApiLocale, setUnauthorizedHandler } from './lib/api-client.ts';
import { clearSession } from './lib/session.ts';
import { router } from './router.tsx';
import { BRAND_COLOR, SIDER_BG } from './brand.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
  },
});

// Any 401 from a data endpoint means the session is gone: forget it and go to /login.
setUnauthorizedHandler(() => {
  clearSession(queryClient);
  if (window.location.pathname !== '/login') {
    const from = `${window.location.pathname}${window.location.search}`;
    void router.navigate(`/login?from=${encodeURIComponent(from)}`, { replace: true });
  }
});

const ANTD_LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

function applyLocale(locale: Locale): void {
  setApiLocale(locale);
  dayjs.locale(DAYJS_LOCALES[locale]);
  document.documentElement.lang = locale;
}

const initialLocale = readStoredLocale();
applyLocale(initialLocale);

function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    storeLocale(next);
    setLocaleState(next);
    // server-side messages (errors, labels) come back in the new language
    void queryClient.invalidateQueries();
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, t: (key: MessageKey, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );

  useEffect(() => {
    document.title = translate(locale, 'app.title');
  }, [locale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function ThemedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[locale]}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: BRAND_COLOR,
          colorLink: BRAND_COLOR,
          borderRadius: 8,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
        },
        components: {
          Layout: { siderBg: SIDER_BG, headerBg: '#ffffff', bodyBg: '#f4f5f7' },
          Menu: { darkItemBg: SIDER_BG, darkSubMenuItemBg: SIDER_BG, darkItemSelectedBg: BRAND_COLOR },
        },
      }}
    >
      <AntdApp>
        <RouterProvider router={router} />
      </AntdApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ThemedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
