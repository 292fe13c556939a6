import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Role } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthPage } from '../components/auth-brand-panel.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { roleLabel, useI18n } from '../i18n/index.ts';
import { endpoints } from '../lib/endpoints.ts';
import { applyFieldError, errorMessage } from '../lib/form-errors.ts';
import { applyMe, useMeQuery } from '../lib/session.ts';

export const DEMO_PASSWORD = 'livehub-demo';

const DEMO_ACCOUNTS: readonly { username: string; role: Role }[] = [
  { username: 'admin', role: 'platform_admin' },
  { username: 'reviewer', role: 'reviewer' },
  { username: 'regulator', role: 'regulator' },
  { username: 'base', role: 'base_operator' },
  { username: 'mcn', role: 'mcn_manager' },
  { username: 'streamer', role: 'streamer' },
  { username: 'merchant', role: 'merchant_staff' },
  { username: 'provider', role: 'provider_staff' },
  { username: 'consumer', role: 'consumer' },
];

interface LoginForm {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'] as const;

/** Only follow same-origin, in-app `from` targets. */
function safeFrom(from: string | null): string | null {
  if (!from?.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return null;
  return from;
}

export function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginForm>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { data: me, isPending } = useMeQuery();
  const [formError, setFormError] = useState<string | null>(null);

  const login = useMutation({
    mutationFn: (values: LoginForm) => endpoints.login({ username: values.username.trim(), password: values.password }),
    onSuccess: (next) => {
      applyMe(queryClient, next);
      // drop anything cached for a previous user
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      navigate(safeFrom(params.get('from')) ?? next.workbench, { replace: true });
    },
    onError: (error) => {
      const onField = applyFieldError(form, error, FIELDS);
      setFormError(onField ? null : errorMessage(error, t('common.networkError')));
    },
  });

  if (isPending) return <PageLoading fullPage />;
  if (me && !login.isPending && !login.isSuccess) return <Navigate to={me.workbench} replace />;

  const fillDemo = (username: string) => {
    form.setFieldsValue({ username, password: DEMO_PASSWORD });
    form.setFields([
      { name: 'username', errors: [] },
      { name: 'password', errors: [] },
    ]);
    setFormError(null);
  };

  return (
    <AuthPage testId="login-page" title={t('login.title')} subtitle={t('login.subtitle')}>
      {formError ? (
        <Alert
          type="error"
          showIcon
          title={formError}
          data-testid="login-error"
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setFormError(null) }}
        />
      ) : null}
      <Form<LoginForm>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        data-testid="login-form"
        onFinish={(values) => login.mutate(values)}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder={t('login.usernamePlaceholder')}
            autoComplete="username"
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password
            prefix={<LockOutlined />}
            placeholder={t('login.passwordPlaceholder')}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('login.noAccount')}</Typography.Text>{' '}
        <Link to="/register" data-testid="register-link">
          {t('login.register')}
        </Link>
        <Divider type="vertical" />
        <Link to="/public" data-testid="public-link">
          {t('registry.public.title')}
        </Link>
        <Divider type="vertical" />
        <Link to="/credit/public" data-testid="credit-public-link">
          {t('credit.public.title')}
        </Link>
      </div>
      <Divider plain style={{ margin: '20px 0 12px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('login.demoTitle')}
        </Typography.Text>
      </Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center', marginBottom: 10 }}>
        {t('login.demoHint', { password: DEMO_PASSWORD })}
      </Typography.Paragraph>
      <div className="lh-demo-grid" data-testid="demo-accounts">
        {DEMO_ACCOUNTS.map((account) => (
          <button
            type="button"
            key={account.username}
            className="lh-demo-account"
            data-testid={`demo-account-${account.username}`}
            onClick={() => fillDemo(account.username)}
          >
            <span className="lh-demo-account-name">{account.username}</span>
            <span className="lh-demo-account-role">{roleLabel(t, account.role)}</span>
          </button>
        ))}
      </div>
    </AuthPage>
  );
}
