import { ArrowLeftOutlined, DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { type Me, type Organization, ROLES_BY_ORG_KIND, type Role } from '@livehub/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Row,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { orgKindLabel, roleLabel, useI18n } from '../i18n.ts';
import type { Member } from '../lib/api-types.ts';
import { endpoints, queryKeys } from '../lib/endpoints.ts';
import { applyFieldError, errorMessage } from '../lib/form-errors.ts';
import { useMe } from '../lib/session.ts';
import { ORG_KIND_COLORS } from './organizations-page.tsx';

const ORG_MANAGER_ROLES: readonly Role[] = ['base_operator', 'mcn_manager', 'merchant_staff', 'provider_staff'];

function canManageMembers(me: Me, orgId: string): boolean {
  if (me.role === 'platform_admin') return true;
  return me.active?.orgId === orgId && ORG_MANAGER_ROLES.includes(me.role);
}

/** `/orgs/:orgId` */
export function OrganizationDetailPage() {
  const { orgId } = useParams();
  if (!orgId) return null;
  return <OrganizationDetail orgId={orgId} showBack />;
}

/** `/members`: the active organization's members (MCN / merchant / service provider). */
export function MyOrganizationPage() {
  const me = useMe();
  const { t } = useI18n();
  if (!me.active) return <Result status="info" title={t('header.noOrg')} />;
  return <OrganizationDetail orgId={me.active.orgId} showBack={false} />;
}

function OrganizationDetail({ orgId, showBack }: { orgId: string; showBack: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const org = useQuery({ queryKey: queryKeys.org(orgId), queryFn: () => endpoints.getOrg(orgId) });
  const members = useQuery({ queryKey: queryKeys.members(orgId), queryFn: () => endpoints.listMembers(orgId) });
  const [adding, setAdding] = useState(false);
  const manage = canManageMembers(me, orgId);

  if (org.error) return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  if (org.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  const data = org.data;

  return (
    <div data-testid="org-detail">
      <PageHeader
        title={
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10 }}>
            {showBack ? (
              <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            ) : null}
            {data.name}
            <Tag color={ORG_KIND_COLORS[data.kind]} style={{ marginInlineEnd: 0 }}>
              {orgKindLabel(t, data.kind)}
            </Tag>
          </span>
        }
        subtitle={t('orgs.detail')}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('orgs.detail')}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'name', label: t('orgs.name'), children: data.name },
                { key: 'kind', label: t('orgs.kind'), children: orgKindLabel(t, data.kind) },
                { key: 'district', label: t('orgs.district'), children: data.district ?? t('common.none') },
                {
                  key: 'parent',
                  label: t('orgs.parent'),
                  children: data.parentId ? <ParentLink parentId={data.parentId} /> : t('common.none'),
                },
                { key: 'createdAt', label: t('common.createdAt'), children: dayjs(data.createdAt).format('YYYY-MM-DD HH:mm') },
                {
                  key: 'id',
                  label: t('orgs.id'),
                  children: (
                    <Typography.Text copyable className="lh-mono" style={{ fontSize: 12 }}>
                      {data.id}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={`${t('orgs.departments')} (${data.departments.length})`} style={{ height: '100%' }}>
            {data.departments.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noDepartments')} />
            ) : (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="org-departments">
                {data.departments.map((d) => (
                  <Tag key={d.id} style={{ padding: '4px 10px' }}>
                    {d.name}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.code}
                    </Typography.Text>
                  </Tag>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Card
        style={{ marginTop: 16 }}
        title={`${t('orgs.members')}${members.data ? ` (${members.data.items.length})` : ''}`}
        extra={
          manage ? (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
              {t('orgs.addMember')}
            </Button>
          ) : null
        }
      >
        {members.error ? (
          <QueryError error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <MembersTable orgId={orgId} members={members.data?.items ?? []} loading={members.isPending} manage={manage} />
        )}
      </Card>
      {manage ? <AddMemberModal org={data} open={adding} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

/** The parent organization's name when the caller may read it, else its ID prefix. */
function ParentLink({ parentId }: { parentId: string }) {
  const parent = useQuery({ queryKey: queryKeys.org(parentId), queryFn: () => endpoints.getOrg(parentId), retry: false });
  return <Link to={`/orgs/${parentId}`}>{parent.data?.name ?? `${parentId.slice(0, 8)}…`}</Link>;
}

function MembersTable({ orgId, members, loading, manage }: { orgId: string; members: Member[]; loading: boolean; manage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (memberId: string) => endpoints.removeMember(orgId, memberId),
    onSuccess: async () => {
      message.success(t('orgs.memberRemoved'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) });
    },
    onError: (error) => message.error(errorMessage(error, t('common.networkError'))),
  });

  const columns: TableColumnsType<Member> = [
    {
      title: t('orgs.user'),
      dataIndex: 'displayName',
      render: (name: string, m) => (
        <span>
          <Typography.Text strong>{name}</Typography.Text> <Typography.Text type="secondary">@{m.username}</Typography.Text>
        </span>
      ),
    },
    { title: t('orgs.role'), dataIndex: 'role', render: (r: Role) => <Tag color="volcano">{roleLabel(t, r)}</Tag> },
    { title: t('orgs.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, m) => (
        <Popconfirm
          title={t('orgs.removeConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutateAsync(m.id)}
        >
          <Button type="link" danger size="small" icon={<DeleteOutlined />}>
            {t('common.remove')}
          </Button>
        </Popconfirm>
      ),
    });
  }
  return (
    <Table<Member>
      rowKey="id"
      data-testid="members-table"
      loading={loading}
      columns={columns}
      dataSource={members}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}

interface AddMemberForm {
  userId: string;
  role: Role;
  departmentId?: string;
}

const ADD_FIELDS = ['userId', 'role', 'departmentId'] as const;

function AddMemberModal({ org, open, onClose }: { org: Organization; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddMemberForm>();
  const queryClient = useQueryClient();
  const isAdmin = me.role === 'platform_admin';
  const users = useQuery({ queryKey: queryKeys.users, queryFn: endpoints.listUsers, enabled: isAdmin && open });
  const roles = ROLES_BY_ORG_KIND[org.kind];

  const add = useMutation({
    mutationFn: (values: AddMemberForm) =>
      endpoints.addMember(org.id, {
        userId: values.userId.trim(),
        role: values.role,
        ...(values.departmentId ? { departmentId: values.departmentId } : {}),
      }),
    onSuccess: async () => {
      message.success(t('orgs.memberAdded'));
      form.resetFields();
      onClose();
      await queryClient.invalidateQueries({ queryKey: queryKeys.members(org.id) });
    },
    onError: (error) => {
      if (!applyFieldError(form, error, ADD_FIELDS)) message.error(errorMessage(error, t('common.networkError')));
    },
  });

  return (
    <Modal
      open={open}
      title={t('orgs.addMember')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<AddMemberForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ role: roles[0] }}
        onFinish={(values) => add.mutate(values)}
      >
        <Form.Item name="userId" label={t('orgs.user')} rules={[{ required: true, message: t('common.required') }]}>
          {isAdmin ? (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={users.isPending}
              placeholder={t('orgs.userSearch')}
              options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (@${u.username})` }))}
            />
          ) : (
            <Input placeholder={t('orgs.userIdPlaceholder')} className="lh-mono" />
          )}
        </Form.Item>
        <Form.Item name="role" label={t('orgs.role')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
        </Form.Item>
        {org.departments.length > 0 ? (
          <Form.Item name="departmentId" label={t('orgs.department')}>
            <Select allowClear options={org.departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
