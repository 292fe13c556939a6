/**
 * 实名认证（观众画像） on 我的订单: an optional, consented verification — the ID number is checked by the server and
 * dropped; only the birth year and gender read from it are kept, and counted into streamers' audiences as aggregate
 * counts (docs/matching.md "The audience"). Shows the age band and gender once verified, with a withdrawal.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { matchingKeys, useAudienceVerification } from '../../queries/matching.ts';

interface Values {
  idNumber: string;
  consent: boolean;
}

export function AudienceVerificationCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const state = useAudienceVerification();
  const verify = useFormMutation<Values, unknown>({
    form,
    fields: ['idNumber', 'consent'],
    mutationFn: (v) => endpoints.verifyForAudience({ idNumber: v.idNumber.trim(), consent: true }),
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
    <Card className="lh-buyer-card" size="small" title={t('matching.verify.title')} data-testid="audience-verification">
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
