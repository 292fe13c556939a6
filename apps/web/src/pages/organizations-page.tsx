import { PlusOutlined } from '@ant-design/icons';
import { type CreateOrganizationRequest, ORG_KINDS, type Organization, type OrgKind } from '@livehub/contracts';
import { Button, Form, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ItemsTableCard } from '../components/items-table-card.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { FormModal } from '../components/form-modal.tsx';
import { type MessageKey, orgKindLabel, useI18n } from '../i18n/index.ts';
import { endpoints } from '../lib/endpoints.ts';
import { useMe } from '../lib/session.ts';
import { useFormMutation } from '../lib/form-mutation.ts';
import { identityKeys, useOrgs } from '../queries/identity.ts';
import { shellKeys } from '../queries/shell.ts';

export const ORG_KIND_COLORS: Record<OrgKind, string> = {
  platform: 'volcano',
  regulator: 'red',
  live_base: 'orange',
  mcn: 'geekblue',
  merchant: 'green',
  service_provider: 'cyan',
};

function isOrgKind(value: string | null): value is OrgKind {
  return value !== null && (ORG_KINDS as readonly string[]).includes(value);
}

const TITLE_BY_ROLE: Partial<Record<string, MessageKey>> = {
  regulator: 'orgs.overviewTitle',
  base_operator: 'orgs.baseTitle',
};

export function OrganizationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isOrgKind(kindParam) ? kindParam : undefined;
  const [creating, setCreating] = useState(false);
  const orgs = useOrgs(kind);
  const allOrgs = useOrgs();
  const nameById = new Map((allOrgs.data?.items ?? []).map((o) => [o.id, o.name]));
  const canCreate = me.role === 'platform_admin';

  const columns: TableColumnsType<Organization> = [
    {
      title: t('orgs.name'),
      dataIndex: 'name',
      render: (name: string, org) => (
        <Link to={`/orgs/${org.id}`} data-testid={`org-link-${org.id}`}>
          {name}
        </Link>
      ),
    },
    {
      title: t('orgs.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (value: OrgKind) => <Tag color={ORG_KIND_COLORS[value]}>{orgKindLabel(t, value)}</Tag>,
    },
    { title: t('orgs.district'), dataIndex: 'district', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('orgs.parent'),
      dataIndex: 'parentId',
      render: (v: string | null) => (v ? <Link to={`/orgs/${v}`}>{nameById.get(v) ?? v.slice(0, 8)}</Link> : t('common.none')),
    },
    {
      title: t('orgs.departments'),
      dataIndex: 'departments',
      width: 100,
      align: 'right',
      render: (v: Organization['departments']) => v.length,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <div data-testid="orgs-page">
      <PageHeader
        title={t(TITLE_BY_ROLE[me.role] ?? 'orgs.title')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="org-create">
              {t('orgs.create')}
            </Button>
          ) : null
        }
      />
      <ItemsTableCard<Organization>
        query={orgs}
        columns={columns}
        testId="orgs-table"
        count={(count) => t('orgs.count', { count })}
        filters={
          <Select<OrgKind | 'all'>
            style={{ width: 200 }}
            value={kind ?? 'all'}
            aria-label={t('orgs.filterKind')}
            data-testid="org-kind-filter"
            onChange={(value) => {
              const next = new URLSearchParams(params);
              if (value === 'all') next.delete('kind');
              else next.set('kind', value);
              setParams(next, { replace: true });
            }}
            options={[
              { value: 'all', label: `${t('orgs.filterKind')}：${t('common.all')}` },
              ...ORG_KINDS.map((k) => ({ value: k, label: orgKindLabel(t, k) })),
            ]}
          />
        }
      />
      {canCreate ? (
        <CreateOrganizationModal open={creating} onClose={() => setCreating(false)} parents={allOrgs.data?.items ?? []} />
      ) : null}
    </div>
  );
}

interface CreateOrgForm {
  kind: OrgKind;
  name: string;
  district?: string;
  parentId?: string;
  departments?: { code: string; name: string }[];
}

const CREATE_FIELDS = ['kind', 'name', 'district', 'parentId', 'departments'] as const;

function CreateOrganizationModal({ open, onClose, parents }: { open: boolean; onClose: () => void; parents: Organization[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateOrgForm>();
  const create = useFormMutation({
    form,
    mutationFn: (values: CreateOrgForm) => {
      const body: CreateOrganizationRequest = { kind: values.kind, name: values.name.trim() };
      const district = values.district?.trim();
      if (district) body.district = district;
      if (values.parentId) body.parentId = values.parentId;
      const departments = (values.departments ?? []).filter((d) => d.code && d.name);
      if (departments.length > 0) body.departments = departments.map((d) => ({ code: d.code.trim(), name: d.name.trim() }));
      return endpoints.createOrg(body);
    },
    fields: CREATE_FIELDS,
    success: 'orgs.created',
    onSuccess: onClose,
    invalidate: [identityKeys.allOrgs, shellKeys.workbench],
  });

  return (
    <FormModal<CreateOrgForm>
      open={open}
      title={t('orgs.create')}
      onClose={onClose}
      form={form}
      onFinish={create.mutate}
      pending={create.isPending}
      width={600}
      initialValues={{ kind: 'merchant' }}
      formTestId="org-create-form"
    >
      <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={ORG_KINDS.map((k) => ({ value: k, label: orgKindLabel(t, k) }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('orgs.name')}
        rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('common.required') }]}
      >
        <Input placeholder={t('orgs.namePlaceholder')} data-testid="org-create-name" />
      </Form.Item>
      <Form.Item name="district" label={t('orgs.district')}>
        <Input placeholder={t('orgs.districtPlaceholder')} />
      </Form.Item>
      <Form.Item name="parentId" label={t('orgs.parent')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={parents.map((o) => ({ value: o.id, label: `${o.name}（${orgKindLabel(t, o.kind)}）` }))}
        />
      </Form.Item>
      <Typography.Text strong>{t('orgs.departments')}</Typography.Text>
      <Form.List name="departments">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'code']}
                  rules={[
                    { required: true, message: t('common.required') },
                    { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('orgs.deptCodeHint') },
                  ]}
                >
                  <Input placeholder={t('orgs.deptCode')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('common.required') }]}>
                  <Input placeholder={t('orgs.deptName')} style={{ width: 220 }} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)}>
                  {t('common.delete')}
                </Button>
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', name: '' })} block>
              {t('orgs.addDepartment')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormModal>
  );
}
