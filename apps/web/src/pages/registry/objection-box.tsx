/** 公示异议: during public notice anyone signed in may object (5–1000 characters); filed objections are listed. */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { ApplicationView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { labelOr } from '../../lib/labels.ts';
import { registryErrorMessage } from './registry-errors.ts';

const MIN = 5;
const MAX = 1000;
const STATUS_COLOR: Record<string, string> = { open: 'orange', upheld: 'error', dismissed: 'default' };

export function ObjectionBox({ app, onFiled }: { app: ApplicationView; onFiled: () => Promise<unknown> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<string | null>(null);
  const text = Form.useWatch('text', form) ?? '';
  const length = text.trim().length;
  const onNotice = app.stepType === 'notice';

  const file = useMutation({
    mutationFn: (value: string) => endpoints.fileObjection(app.id, value),
    onMutate: () => setError(null),
    onSuccess: async () => {
      form.resetFields();
      message.success(t('registry.objection.submitted'));
      await onFiled();
    },
    onError: (cause) => setError(registryErrorMessage(t, cause)),
  });

  if (!onNotice && app.objections.length === 0) return null;
  return (
    <Card title={t('registry.objection.title')} style={{ marginBottom: 16 }} data-testid="objection-box">
      {onNotice ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t('registry.objection.hint')}
            {app.dueAt ? ` ${t('registry.objection.noticeUntil', { time: dayjs(app.dueAt).format('YYYY-MM-DD HH:mm') })}` : ''}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(values) => file.mutate(values.text.trim())}>
            <Form.Item
              name="text"
              validateTrigger={['onChange', 'onBlur']}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                {
                  validator: (_rule, value: string | undefined) => {
                    const n = (value ?? '').trim().length;
                    if (n > 0 && n < MIN) return Promise.reject(new Error(t('registry.objection.tooShort')));
                    if (n > MAX) return Promise.reject(new Error(t('registry.objection.tooLong')));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <Input.TextArea
                rows={3}
                showCount
                maxLength={MAX}
                placeholder={t('registry.objection.placeholder')}
                data-testid="objection-text"
              />
            </Form.Item>
            <Button htmlType="submit" loading={file.isPending} disabled={length < MIN || length > MAX} data-testid="objection-submit">
              {t('registry.objection.submit')}
            </Button>
          </Form>
          {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
        </>
      ) : null}
      {app.objections.length > 0 ? (
        <Space orientation="vertical" size={8} style={{ width: '100%', marginTop: onNotice ? 16 : 0 }}>
          {app.objections.map((o) => (
            <div key={o.id} className="lh-timeline-reason" data-testid="objection-item" data-status={o.status}>
              <Space size={8} style={{ marginBottom: 4 }}>
                <Tag color={STATUS_COLOR[o.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                  {labelOr(t, `registry.objection.status.${o.status}`, o.status)}
                </Tag>
                <span className="lh-timeline-meta">{dayjs(o.createdAt).format('YYYY-MM-DD HH:mm')}</span>
              </Space>
              <div>{o.text}</div>
              {o.resolution ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('registry.app.reason')}：{o.resolution}
                </Typography.Text>
              ) : null}
            </div>
          ))}
        </Space>
      ) : null}
    </Card>
  );
}
