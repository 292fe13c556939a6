/**
 * 发布新版本 (信用模型): the platform admin starts from the model in force, changes the weights of the dimensions, the
 * rules' points, half-lives, windows and limits, the tiers' lower bounds and the first-offence waiver, says what
 * changed (it goes into the changelog) and publishes. The API validates the whole model and re-scores everyone under
 * it; its refusal shows under the field it names, and the weights of each party kind are checked to add up to 100 %
 * before anything is sent.
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { CREDIT_PARTY_KINDS, type CreditPartyKind } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  type ButtonProps,
  Col,
  Collapse,
  Drawer,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { bi } from '../../lib/labels.ts';
import { type CreditModelView, creditApi, creditKeys } from '../../queries/credit.ts';
import { eventKindLabel, partyKindLabel, TierTag } from './credit-labels.tsx';
import { changedPaths } from './credit-modes-form.ts';
import {
  EDITED_TIERS,
  type ModelFormValues,
  RULE_FIELDS,
  refusalTarget,
  refusalWords,
  toModel,
  toValues,
  weightSum,
} from './credit-model-form.ts';

/** Puts the API's refusal under the field it names (in words, without the model path); false when the form has none. */
function showRefusal(form: FormInstance, model: CreditModelView, error: unknown, locale: 'zh-CN' | 'en-US'): boolean {
  if (!isApiError(error) || !error.field) return false;
  const target = refusalTarget(error.field, model);
  if (!target) return false;
  const issue = (error.details?.issue as { zh?: string; en?: string } | undefined)?.[locale === 'zh-CN' ? 'zh' : 'en'];
  form.setFields([{ name: target, errors: [issue ? refusalWords(issue, error.field) : error.message] }]);
  form.scrollToField(target);
  return true;
}

function ruleFieldLabel(t: Translate, field: (typeof RULE_FIELDS)[number]): string {
  return t(`credit.model.edit.field.${field}`);
}

function WeightsSection({ model, form }: { model: CreditModelView; form: FormInstance<ModelFormValues> }) {
  const { t, locale } = useI18n();
  const weights = Form.useWatch('weights', form);
  return (
    <>
      {CREDIT_PARTY_KINDS.map((kind: CreditPartyKind) => (
        <div key={kind} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{partyKindLabel(t, kind)}</Typography.Text>{' '}
          <Typography.Text
            type={weightSum(weights?.[kind] ?? []) === 100 ? 'secondary' : 'danger'}
            data-testid={`credit-model-sum-${kind}`}
          >
            {t('credit.model.edit.sum', { sum: weightSum(weights?.[kind] ?? []) })}
          </Typography.Text>
          <Row gutter={12}>
            {(model.dimensions[kind] ?? []).map((d, i) => (
              <Col xs={12} sm={8} key={d.key}>
                <Form.Item
                  name={['weights', kind, i]}
                  label={bi(locale, d)}
                  dependencies={(model.dimensions[kind] ?? []).map((_, j) => ['weights', kind, j])}
                  rules={[
                    {
                      // the kind's weights must add up to 100 %: said under its first dimension
                      validator: async () => {
                        if (i !== 0) return;
                        const sum = weightSum(form.getFieldValue(['weights', kind]) ?? []);
                        if (sum !== 100) throw new Error(t('credit.model.edit.sumWrong', { kind: partyKindLabel(t, kind), sum }));
                      },
                    },
                  ]}
                >
                  <InputNumber
                    min={0}
                    max={100}
                    precision={2}
                    suffix="%"
                    style={{ width: '100%' }}
                    data-testid={`credit-model-weight-${kind}-${d.key}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </>
  );
}

function RulesSection({ model }: { model: CreditModelView }) {
  const { t } = useI18n();
  return (
    <>
      {Object.entries(model.rules).map(([kind, rule]) => (
        <div key={kind}>
          <Typography.Text strong>{eventKindLabel(t, kind)}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t(`credit.model.edit.unit.${rule.unit}`)}</Typography.Text>
          <Row gutter={12}>
            {RULE_FIELDS.filter((f) => rule[f] !== undefined).map((f) => (
              <Col xs={12} sm={6} key={f}>
                <Form.Item name={['rules', kind, f]} label={ruleFieldLabel(t, f)}>
                  <InputNumber style={{ width: '100%' }} data-testid={`credit-model-rule-${kind}-${f}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </>
  );
}

export function CreditModelEditor({ model, open, onClose }: { model: CreditModelView; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ModelFormValues>();
  const [initial] = useState(() => toValues(model, new Date()));
  const publish = useMutation({
    mutationFn: (v: ModelFormValues) => creditApi.publishModel(toModel(model as CreditModelView & Record<string, unknown>, v)),
    onSuccess: async (r) => {
      message.success(t('credit.model.edit.published', { version: r.version, parties: r.parties, moves: r.tierChanges }));
      await queryClient.invalidateQueries({ queryKey: creditKeys.all });
      onClose();
    },
    onError: (e) => {
      if (!showRefusal(form, model, e, locale)) message.error(errorMessage(e, t('common.networkError')));
    },
  });
  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    publish.mutate(form.getFieldsValue(true) as ModelFormValues);
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t('credit.model.edit.title', { version: model.version })}
      destroyOnHidden
      extra={
        <Popconfirm
          title={t('credit.model.edit.confirm')}
          onConfirm={() => void submit()}
          okButtonProps={{ 'data-testid': 'credit-model-publish-ok' } as ButtonProps}
        >
          <Button type="primary" icon={<CloudUploadOutlined />} loading={publish.isPending} data-testid="credit-model-publish">
            {t('credit.model.edit.publish')}
          </Button>
        </Popconfirm>
      }
      data-testid="credit-model-editor"
    >
      <Form<ModelFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        // an edited field's refusal goes: the API judges it again on publish
        onValuesChange={(changed) => (form as FormInstance).setFields(changedPaths(changed).map((name) => ({ name, errors: [] })))}
      >
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="version" label={t('credit.model.edit.version')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="credit-model-version" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="effectiveFrom"
              label={t('credit.model.edit.effectiveFrom')}
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('credit.model.edit.dateFormat') }]}
            >
              <Input placeholder="YYYY-MM-DD" data-testid="credit-model-effective" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="changeZh" label={t('credit.model.edit.changeZh')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} data-testid="credit-model-change-zh" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="changeEn" label={t('credit.model.edit.changeEn')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} data-testid="credit-model-change-en" />
            </Form.Item>
          </Col>
        </Row>
        <Collapse
          defaultActiveKey={['weights', 'rules', 'tiers']}
          items={[
            {
              key: 'weights',
              label: t('credit.model.dimensions'),
              forceRender: true,
              children: <WeightsSection model={model} form={form} />,
            },
            { key: 'rules', label: t('credit.model.rules'), forceRender: true, children: <RulesSection model={model} /> },
            {
              key: 'tiers',
              label: t('credit.model.tiers'),
              forceRender: true,
              children: (
                <Row gutter={12}>
                  {EDITED_TIERS.map((tier) => (
                    <Col xs={8} key={tier}>
                      <Form.Item
                        name={['tiers', tier]}
                        label={
                          <Space>
                            <TierTag tier={tier} />
                            {t('credit.model.edit.tierMin')}
                          </Space>
                        }
                      >
                        <InputNumber min={0} max={100} style={{ width: '100%' }} data-testid={`credit-model-tier-${tier}`} />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col xs={12}>
                    <Form.Item name={['firstOffence', 'windowDays']} label={t('credit.model.edit.foWindow')}>
                      <InputNumber style={{ width: '100%' }} suffix={t('credit.modes.unit.days')} data-testid="credit-model-fo-window" />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item name={['firstOffence', 'maxSeverity']} label={t('credit.model.edit.foSeverity')}>
                      <InputNumber style={{ width: '100%' }} suffix={t('credit.modes.unit.level')} data-testid="credit-model-fo-severity" />
                    </Form.Item>
                  </Col>
                </Row>
              ),
            },
          ]}
        />
      </Form>
    </Drawer>
  );
}
