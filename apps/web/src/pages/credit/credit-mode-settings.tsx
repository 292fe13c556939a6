/**
 * 执法模式设置 (包容审慎监管): 首违不罚 per rule category (the highest severity waived, 0 never), the training it brings,
 * 观察期 days per party kind, and the thresholds of 触发式监管. The API validates; its refusal shows under the field it
 * names. Platform admins save; reviewers and regulators read the same form, disabled.
 */
import { SaveOutlined } from '@ant-design/icons';
import { CREDIT_PARTY_KINDS, CREDIT_TRIGGERS_API, type CreditModeSettingsView, SCREENING_CATEGORIES } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Divider, Form, type FormInstance, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { creditApi, creditKeys, useCreditModel, useCreditModeSettings } from '../../queries/credit.ts';
import { categoryLabel } from '../compliance/compliance-labels.tsx';
import { formatTime, partyKindLabel, triggerLabel } from './credit-labels.tsx';
import { changedPaths, rangeMessage, refusalTarget, type SettingsValues, type Trigger, toBody, toValues } from './credit-modes-form.ts';

/** Puts the API's refusal under the field it names; false when it names none of this form. */
function showRefusal(t: Translate, form: FormInstance, error: unknown, sentTriggers: Trigger[]): boolean {
  const target = isApiError(error) && error.field ? refusalTarget(error.field, sentTriggers) : null;
  if (!target || !isApiError(error)) return false;
  form.setFields([{ name: target.path, errors: [rangeMessage(t, target.path, target.trigger) ?? error.message] }]);
  return true;
}

function clearErrors(form: FormInstance, names: Array<Array<string | number>>): void {
  form.setFields(names.map((name) => ({ name, errors: [] })));
}

const numberInput = (testId: string, suffix: string, opts: { placeholder?: string | undefined; disabled?: boolean } = {}) => (
  <InputNumber
    precision={0}
    style={{ width: '100%' }}
    suffix={suffix}
    placeholder={opts.placeholder}
    {...(opts.disabled === undefined ? {} : { disabled: opts.disabled })}
    data-testid={testId}
  />
);

function SettingsForm({ view, canWrite }: { view: CreditModeSettingsView; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsValues>();
  const triggers = Form.useWatch('triggers', form);
  // what an empty category falls back to: the model's own limit
  const model = useCreditModel();
  const modelLimit = model.data?.firstOffence.maxSeverity;
  useEffect(() => form.setFieldsValue(toValues(view.settings)), [form, view.settings]);
  const save = useMutation({
    mutationFn: (v: SettingsValues) => creditApi.saveModeSettings(toBody(v).body),
    onSuccess: async () => {
      message.success(t('credit.modes.saved'));
      await queryClient.invalidateQueries({ queryKey: creditKeys.all });
    },
    onError: (e, v) => {
      if (!showRefusal(t, form, e, toBody(v).sentTriggers)) message.error(errorMessage(e, t('common.networkError')));
    },
  });
  return (
    <Form<SettingsValues>
      form={form}
      layout="vertical"
      disabled={!canWrite}
      initialValues={toValues(view.settings)}
      // an edited field's refusal goes: the API judges it again on save
      onValuesChange={(changed) => clearErrors(form, changedPaths(changed))}
      onFinish={(v) => {
        // the refusals of the last save go; the API judges again
        clearErrors(
          form,
          form
            .getFieldsError()
            .filter((f) => f.errors.length > 0)
            .map((f) => f.name),
        );
        save.mutate(v);
      }}
      data-testid="credit-modes-form"
    >
      <Typography.Title level={5}>{t('credit.modes.firstOffence')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.modes.firstOffence.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        {SCREENING_CATEGORIES.map((c) => (
          <Col xs={24} sm={12} lg={6} key={c}>
            <Form.Item name={['firstOffence', 'byCategory', c]} label={categoryLabel(t, c)}>
              {numberInput(`credit-modes-fo-${c}`, t('credit.modes.unit.level'), {
                placeholder: modelLimit === undefined ? undefined : t('credit.modes.modelDefault', { n: modelLimit }),
              })}
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name={['firstOffence', 'trainingHours']} label={t('credit.modes.trainingHours')}>
            {numberInput('credit-modes-training-hours', t('credit.modes.unit.hours'))}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name={['firstOffence', 'trainingDueDays']} label={t('credit.modes.trainingDueDays')}>
            {numberInput('credit-modes-training-due', t('credit.modes.unit.days'))}
          </Form.Item>
        </Col>
      </Row>
      <Divider />
      <Typography.Title level={5}>{t('credit.modes.observation')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.modes.observation.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        {CREDIT_PARTY_KINDS.map((k) => (
          <Col xs={24} sm={12} lg={6} key={k}>
            <Form.Item name={['observation', 'days', k]} label={partyKindLabel(t, k)}>
              {numberInput(`credit-modes-obs-${k}`, t('credit.modes.unit.days'))}
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider />
      <Typography.Title level={5}>{t('credit.modes.triggers')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.modes.triggers.hint')}</Typography.Paragraph>
      {CREDIT_TRIGGERS_API.map((trigger, i) => {
        const on = triggers?.[i]?.enabled ?? true;
        return (
          <Row gutter={16} key={trigger} align="middle" data-testid={`credit-modes-trigger-${trigger}`}>
            <Form.Item name={['triggers', i, 'trigger']} hidden>
              <input />
            </Form.Item>
            <Col xs={24} lg={6}>
              <Form.Item name={['triggers', i, 'enabled']} valuePropName="checked" label={triggerLabel(t, trigger)}>
                <Switch data-testid={`credit-modes-trigger-${trigger}-on`} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item name={['triggers', i, 'count']} label={t(trigger === 'tier_d' ? 'credit.modes.countTierD' : 'credit.modes.count')}>
                {numberInput(`credit-modes-trigger-${trigger}-count`, t('credit.modes.unit.times'), { disabled: !canWrite || !on })}
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item name={['triggers', i, 'windowDays']} label={t('credit.modes.windowDays')}>
                {numberInput(`credit-modes-trigger-${trigger}-window`, t('credit.modes.unit.days'), { disabled: !canWrite || !on })}
              </Form.Item>
            </Col>
          </Row>
        );
      })}
      {canWrite ? (
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="credit-modes-save">
            {t('credit.modes.save')}
          </Button>
          <Button htmlType="button" onClick={() => form.setFieldsValue(toValues(view.settings))}>
            {t('credit.modes.reset')}
          </Button>
        </Space>
      ) : null}
    </Form>
  );
}

export function CreditModeSettingsCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const settings = useCreditModeSettings();
  return (
    <Card
      title={t('credit.modes.title')}
      extra={
        settings.data ? (
          <Typography.Text type="secondary" data-testid="credit-modes-updated">
            {settings.data.updatedAt
              ? t('credit.modes.updatedAt', { time: formatTime(settings.data.updatedAt) })
              : t('credit.modes.defaults')}
          </Typography.Text>
        ) : null
      }
      data-testid="credit-modes"
    >
      {settings.error ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <SettingsForm view={settings.data} canWrite={canWrite} />
      ) : (
        <PageLoading />
      )}
    </Card>
  );
}
