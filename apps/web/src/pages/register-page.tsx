import { LockOutlined, MobileOutlined, SmileOutlined, UserOutlined } from '@ant-design/icons';
import type { RegisterConsumerRequest } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AuthPage } from '../components/auth-brand-panel.tsx';
import { useI18n } from '../i18n/index.ts';
import { endpoints } from '../lib/endpoints.ts';
import { applyFieldError, errorMessage } from '../lib/form-errors.ts';
import { applyMe } from '../lib/session.ts';

interface RegisterForm {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
}

const FIELDS = ['username', 'password', 'displayName', 'phone'] as const;

export function RegisterPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterForm>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const register = useMutation({
    mutationFn: (values: RegisterForm) => {
      const body: RegisterConsumerRequest = {
        username: values.username.trim(),
        password: values.password,
        displayName: values.displayName.trim(),
      };
      const phone = values.phone?.trim();
      if (phone) body.phone = phone;
      return endpoints.register(body);
    },
    onSuccess: (me) => {
      applyMe(queryClient, me);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      navigate(me.workbench, { replace: true });
    },
    onError: (error) => {
      const onField = applyFieldError(form, error, FIELDS);
      setFormError(onField ? null : errorMessage(error, t('common.networkError')));
    },
  });

  return (
    <AuthPage testId="register-page" title={t('register.title')} subtitle={t('register.subtitle')}>
      {formError ? <Alert type="error" showIcon title={formError} data-testid="register-error" style={{ marginBottom: 16 }} /> : null}
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => register.mutate(values)}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" data-testid="register-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('register.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input prefix={<SmileOutlined />} placeholder={t('register.displayNamePlaceholder')} data-testid="register-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          extra={t('register.passwordHint')}
          rules={[
            { required: true, message: t('common.required') },
            { min: 8, message: t('register.passwordTooShort') },
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Form.Item name="phone" label={t('register.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('register.phoneInvalid') }]}>
          <Input prefix={<MobileOutlined />} placeholder={t('register.phonePlaceholder')} data-testid="register-phone" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={register.isPending} data-testid="register-submit">
          {t('register.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('register.haveAccount')}</Typography.Text> <Link to="/login">{t('register.toLogin')}</Link>
      </div>
    </AuthPage>
  );
}
