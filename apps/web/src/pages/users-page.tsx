import { PlusOutlined } from '@ant-design/icons';
import type { CreateUserRequest, User } from '@livehub/contracts';
import { Button, Form, Input, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ItemsTableCard } from '../components/items-table-card.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { FormModal } from '../components/form-modal.tsx';
import { useI18n } from '../i18n/index.ts';
import { endpoints } from '../lib/endpoints.ts';
import { useFormMutation } from '../lib/form-mutation.ts';
import { identityKeys, useUsers } from '../queries/identity.ts';
import { shellKeys } from '../queries/shell.ts';

export function UsersPage() {
  const { t } = useI18n();
  const users = useUsers();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: User['status']) =>
        v === 'active' ? <Tag color="success">{t('users.status.active')}</Tag> : <Tag color="default">{t('users.status.disabled')}</Tag>,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <div data-testid="users-page">
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <ItemsTableCard<User> query={users} columns={columns} testId="users-table" count={(count) => t('users.count', { count })} />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

interface CreateUserForm {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
}

const FIELDS = ['username', 'password', 'displayName', 'phone'] as const;

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateUserForm>();
  const create = useFormMutation({
    form,
    mutationFn: (values: CreateUserForm) => {
      const body: CreateUserRequest = {
        username: values.username.trim(),
        password: values.password,
        displayName: values.displayName.trim(),
      };
      const phone = values.phone?.trim();
      if (phone) body.phone = phone;
      return endpoints.createUser(body);
    },
    fields: FIELDS,
    success: 'users.created',
    onSuccess: onClose,
    invalidate: [identityKeys.users, shellKeys.workbench],
  });

  return (
    <FormModal<CreateUserForm>
      open={open}
      title={t('users.create')}
      onClose={onClose}
      form={form}
      onFinish={create.mutate}
      pending={create.isPending}
    >
      <Form.Item name="username" label={t('users.username')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoComplete="off" data-testid="user-create-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input data-testid="user-create-display-name" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.password')}
        extra={t('register.passwordHint')}
        rules={[
          { required: true, message: t('common.required') },
          { min: 8, message: t('register.passwordTooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-create-password" />
      </Form.Item>
      <Form.Item name="phone" label={t('register.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('register.phoneInvalid') }]}>
        <Input placeholder={t('register.phonePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
