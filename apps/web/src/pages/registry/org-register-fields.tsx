/**
 * Pieces the organization registration forms (MCN 机构登记, 服务机构登记) share: the credit-code and mobile fields
 * checked as the applicant types, the host-base picker, error mapping, and the "registered" result that tells the
 * applicant how to start acting through the new organization.
 */
import { CheckCircleOutlined, LogoutOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Result, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { applyMe, clearSession, fetchMe } from '../../lib/session.ts';
import { usePublicBases } from '../../queries/registry.ts';
import { checkCreditCode, checkMobile } from './identifiers.ts';
import { registryErrorMessage } from './registry-errors.ts';

/** 统一社会信用代码 with the GB 32100 check as the applicant types. */
export function CreditCodeField({ testId }: { testId: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const creditCode: string = Form.useWatch('creditCode', form) ?? '';
  return (
    <Form.Item
      name="creditCode"
      label={t('registry.form.creditCode')}
      validateTrigger={['onChange', 'onBlur']}
      extra={
        creditCode && checkCreditCode(creditCode).ok ? (
          <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="credit-code-ok">
            {t('registry.form.creditCodeOk')}
          </Typography.Text>
        ) : undefined
      }
      rules={[
        { required: true, whitespace: true, message: t('common.required') },
        {
          validator: (_rule, value: string | undefined) => {
            if (!value?.trim()) return Promise.resolve();
            const result = checkCreditCode(value);
            return result.ok ? Promise.resolve() : Promise.reject(new Error(t(result.message)));
          },
        },
      ]}
    >
      <Input
        className="lh-mono"
        placeholder={t('registry.form.creditCodePlaceholder')}
        data-testid={testId}
        maxLength={24}
        autoComplete="off"
      />
    </Form.Item>
  );
}

/** 联系手机: a mainland mobile, checked as the applicant types. */
export function ContactPhoneField({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="contactPhone"
      label={t('registry.form.contactPhone')}
      validateTrigger={['onChange', 'onBlur']}
      rules={[
        { required: true, whitespace: true, message: t('common.required') },
        {
          validator: (_rule, value: string | undefined) =>
            !value?.trim() || checkMobile(value) ? Promise.resolve() : Promise.reject(new Error(t('registry.v.mobile'))),
        },
      ]}
    >
      <Input data-testid={testId} maxLength={20} autoComplete="tel" />
    </Form.Item>
  );
}

/** 所在直播基地 (optional): the certified bases of the public list. */
export function HostBaseField({ testId }: { testId: string }) {
  const { t } = useI18n();
  const bases = usePublicBases();
  const options = (bases.data?.items ?? []).map((base) => ({
    value: base.orgId,
    label: base.name ?? base.orgId,
    'data-testid': `host-base-option-${base.orgId}`,
  }));
  return (
    <Form.Item name="hostBaseOrgId" label={t('registry.form.hostBase')}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('registry.form.hostBasePlaceholder')}
        loading={bases.isPending}
        options={options}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** The existing record a 409 `registry.duplicate` names. */
function duplicateMessage(t: Translate, error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'registry.duplicate') return null;
  if (error.message) return error.message;
  const existing = error.details?.existing;
  return t('registry.error.duplicate', { name: typeof existing === 'string' ? existing : '' });
}

/** The form-level message for a failed registration (field errors are shown on their fields as well). */
export function registrationErrorMessage(t: Translate, error: unknown): string {
  return duplicateMessage(t, error) ?? registryErrorMessage(t, error);
}

/** Registered: the caller is now a member of the new organization; it takes a fresh session to act through it. */
export function OrgRegisteredResult({ orgId, description, onAnother }: { orgId: string; description: string; onAnother: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const reload = useMutation({
    mutationFn: fetchMe,
    onSuccess: (me) => {
      if (!me) {
        clearSession(queryClient);
        navigate('/login', { replace: true });
        return;
      }
      applyMe(queryClient, me);
      message.success(t('registry.apply.sessionReloaded'));
    },
  });
  const signOut = useMutation({
    mutationFn: endpoints.logout,
    onSettled: () => {
      clearSession(queryClient);
      navigate('/login', { replace: true });
    },
  });
  return (
    <Result
      status="success"
      icon={<CheckCircleOutlined />}
      title={<span data-testid="registered-title">{t('registry.apply.registered')}</span>}
      subTitle={
        <div data-testid="registered-result" data-org-id={orgId}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {description}
          </Typography.Paragraph>
          <Typography.Text type="secondary" className="lh-mono" style={{ fontSize: 12 }} copyable={{ text: orgId }}>
            {t('registry.apply.orgId', { id: orgId })}
          </Typography.Text>
        </div>
      }
      extra={[
        <Button
          key="reload"
          type="primary"
          icon={<ReloadOutlined />}
          loading={reload.isPending}
          onClick={() => reload.mutate()}
          data-testid="reload-session"
        >
          {t('registry.apply.reloadSession')}
        </Button>,
        <Button
          key="logout"
          icon={<LogoutOutlined />}
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
          data-testid="sign-out-again"
        >
          {t('registry.apply.signOutAgain')}
        </Button>,
        <Button key="another" type="link" onClick={onAnother} data-testid="register-another">
          {t('registry.apply.registerAnother')}
        </Button>,
      ]}
    />
  );
}
