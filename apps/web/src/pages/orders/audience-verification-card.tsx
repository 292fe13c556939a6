/**
 * 实名认证（观众画像） on 我的订单: an optional, consented verification — the name and ID number are checked by the
 * server (the identity authority's 二要素) and dropped; only the birth year and gender read from them are kept, counted
 * into streamers' audiences as aggregate counts (docs/matching.md "The audience") and read by the checkout's age
 * check for products sold to adults only. Shows the age band and gender once verified, with a withdrawal.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { App, Button, Card, Checkbox, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { matchingKeys, useAudienceVerification } from '../../queries/matching.ts';

interface Values {
  name: string;
  idNumber: string;
  consent: boolean;
}

/** The card's anchor on 我的订单 (the checkout links to `/orders#audience-verification`). */
export const AUDIENCE_VERIFICATION_ANCHOR = 'audience-verification';

export function AudienceVerificationCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const state = useAudienceVerification();
  // the checkout's refusal of an adult-only product links here (#audience-verification): brought into view once loaded
  const { hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const loaded = state.data !== undefined;
  useEffect(() => {
    if (loaded && hash === `#${AUDIENCE_VERIFICATION_ANCHOR}`) ref.current?.scrollIntoView({ block: 'center' });
  }, [loaded, hash]);
  const verify = useFormMutation<Values, unknown>({
    form,
    fields: ['name', 'idNumber', 'consent'],
    mutationFn: (v) => endpoints.verifyForAudience({ name: v.name.trim(), idNumber: v.idNumber.trim(), consent: true }),
    success: 'matching.verify.done',
    invalidate: [matchingKeys.verification],
  });
  const withdraw = useMutation({
    mutationFn: endpoints.withdrawAudienceVerification,
    onSuccess: async () => {
      message.success(t('matching.verify.withdrawn'));
      await queryClient.invalidateQueries({ queryKey: matchingKeys.verification });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  if (state.isError) return null;
  const v = state.data;
  return (
    <Card
      ref={ref}
      id={AUDIENCE_VERIFICATION_ANCHOR}
      className="lh-buyer-card"
      size="small"
      title={t('matching.verify.title')}
      data-testid="audience-verification"
    >
      {!v ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : v.verified ? (
        <Space wrap>
          <span data-testid="audience-verified">
            {t('matching.verify.state', {
              band: v.ageBandName ?? '',
              gender: t(v.gender === 'female' ? 'matching.verify.female' : 'matching.verify.male'),
            })}
          </span>
          <Button size="small" onClick={() => withdraw.mutate()} loading={withdraw.isPending} data-testid="audience-withdraw">
            {t('matching.verify.withdraw')}
          </Button>
        </Space>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('matching.verify.intro')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(values) => verify.mutate(values)}>
            <Form.Item name="name" label={t('matching.verify.name')} rules={[{ required: true, whitespace: true, min: 2, max: 30 }]}>
              <Input autoComplete="off" maxLength={30} data-testid="audience-name" />
            </Form.Item>
            <Form.Item name="idNumber" label={t('matching.verify.idNumber')} rules={[{ required: true, min: 15, max: 18 }]}>
              <Input autoComplete="off" maxLength={18} data-testid="audience-id-number" />
            </Form.Item>
            <Form.Item
              name="consent"
              valuePropName="checked"
              rules={[{ validator: (_, ok) => (ok ? Promise.resolve() : Promise.reject(new Error(t('matching.verify.consentRequired')))) }]}
            >
              <Checkbox data-testid="audience-consent">{t('matching.verify.consent')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={verify.isPending} data-testid="audience-verify">
              {t('matching.verify.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
