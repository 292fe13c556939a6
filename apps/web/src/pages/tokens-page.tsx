import { CopyOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import type { CreateApiTokenRequest } from '@livehub/contracts';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ItemsTableCard } from '../components/items-table-card.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { FormModal } from '../components/form-modal.tsx';
import { type Translate, useI18n } from '../i18n/index.ts';
import type { ApiToken, CreatedApiToken } from '../lib/api-types.ts';
import { endpoints } from '../lib/endpoints.ts';
import { errorMessage } from '../lib/form-errors.ts';
import { useFormMutation } from '../lib/form-mutation.ts';
import { identityKeys, useTokens } from '../queries/identity.ts';

type TokenStatus = 'active' | 'revoked' | 'expired';

function tokenStatus(token: ApiToken): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && dayjs(token.expiresAt).isBefore(dayjs())) return 'expired';
  return 'active';
}

const STATUS_COLOR: Record<TokenStatus, string> = { active: 'success', revoked: 'default', expired: 'warning' };

function scopeLabel(t: Translate, scope: ApiTokenScope): string {
  return t(`tokens.scope.${scope}`);
}

function formatTime(value: string | null, fallback: string): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : fallback;
}

export function TokensPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const revoke = useMutation({
    mutationFn: (id: string) => endpoints.revokeToken(id),
    onSuccess: async () => {
      message.success(t('tokens.revoked'));
      await queryClient.invalidateQueries({ queryKey: identityKeys.tokens });
    },
    onError: (error) => message.error(errorMessage(error, t('common.networkError'))),
  });

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      render: (v: string) => <Typography.Text code>{v}…</Typography.Text>,
    },
    {
      title: t('tokens.scopes'),
      dataIndex: 'scopes',
      render: (scopes: ApiTokenScope[]) => (
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
          {scopes.map((s) => (
            <Tag key={s} color="geekblue" style={{ marginInlineEnd: 0 }}>
              {scopeLabel(t, s)}
            </Tag>
          ))}
        </span>
      ),
    },
    {
      title: t('tokens.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, token) => {
        const status = tokenStatus(token);
        return <Tag color={STATUS_COLOR[status]}>{t(`tokens.status.${status}`)}</Tag>;
      },
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, '') },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => formatTime(v, t('tokens.never')),
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => formatTime(v, t('tokens.noExpiry')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, token) =>
        tokenStatus(token) === 'revoked' ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm')}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutateAsync(token.id)}
          >
            <Button type="link" danger size="small" data-testid={`token-revoke-${token.id}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div data-testid="tokens-page">
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        }
      />
      <ItemsTableCard<ApiToken> query={tokens} columns={columns} testId="tokens-table" />
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      <Modal
        open={created !== null}
        title={
          <span>
            <KeyOutlined style={{ color: '#52c41a', marginInlineEnd: 8 }} />
            {t('tokens.createdTitle')}
          </span>
        }
        onCancel={() => setCreated(null)}
        footer={[
          <Button
            key="copy"
            icon={<CopyOutlined />}
            data-testid="token-copy"
            onClick={() => {
              if (!created) return;
              navigator.clipboard
                .writeText(created.token)
                .then(() => message.success(t('common.copied')))
                .catch(() => message.error(t('common.error')));
            }}
          >
            {t('common.copy')}
          </Button>,
          <Button key="ok" type="primary" onClick={() => setCreated(null)}>
            {t('common.confirm')}
          </Button>,
        ]}
        maskClosable={false}
      >
        <Alert type="warning" showIcon title={t('tokens.createdWarning')} style={{ marginBottom: 16 }} />
        {created ? (
          <Typography.Paragraph
            data-testid="token-secret"
            className="lh-mono"
            copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
            style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: '10px 12px', wordBreak: 'break-all' }}
          >
            {created.token}
          </Typography.Paragraph>
        ) : null}
      </Modal>
    </div>
  );
}

interface CreateTokenForm {
  name: string;
  scopes: ApiTokenScope[];
  expiresInDays?: number | null;
}

const FIELDS = ['name', 'scopes', 'expiresInDays'] as const;

function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateTokenForm>();
  const create = useFormMutation({
    form,
    mutationFn: (values: CreateTokenForm) => {
      const body: CreateApiTokenRequest = { name: values.name.trim(), scopes: values.scopes };
      if (typeof values.expiresInDays === 'number') body.expiresInDays = values.expiresInDays;
      return endpoints.createToken(body);
    },
    fields: FIELDS,
    onSuccess: onCreated,
    invalidate: [identityKeys.tokens],
  });

  return (
    <FormModal<CreateTokenForm>
      open={open}
      title={t('tokens.create')}
      onClose={onClose}
      form={form}
      onFinish={create.mutate}
      pending={create.isPending}
      initialValues={{ scopes: ['read'], expiresInDays: 90 }}
    >
      <Form.Item
        name="name"
        label={t('tokens.name')}
        rules={[{ required: true, whitespace: true, max: 64, message: t('common.required') }]}
      >
        <Input placeholder={t('tokens.namePlaceholder')} data-testid="token-create-name" />
      </Form.Item>
      <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true, message: t('common.required') }]}>
        <Checkbox.Group options={API_TOKEN_SCOPES.map((s) => ({ value: s, label: scopeLabel(t, s) }))} />
      </Form.Item>
      <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.expiresHint')}>
        <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
