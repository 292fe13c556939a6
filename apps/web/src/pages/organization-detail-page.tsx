import { ArrowLeftOutlined, DeleteOutlined, LogoutOutlined, MailOutlined, UserAddOutlined } from '@ant-design/icons';
import { type Invitation, type InvitationStatus, type Me, type Organization, ROLES_BY_ORG_KIND, type Role } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
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
import { FormModal } from '../components/form-modal.tsx';
import { orgKindLabel, roleLabel, useI18n } from '../i18n/index.ts';
import type { Member } from '../lib/api-types.ts';
import { endpoints } from '../lib/endpoints.ts';
import { errorMessage } from '../lib/form-errors.ts';
import { useMe } from '../lib/session.ts';
import { useFormMutation } from '../lib/form-mutation.ts';
import { identityKeys, useMembers, useOrg, useOrgInvitations, useUsers } from '../queries/identity.ts';
import { shellKeys } from '../queries/shell.ts';
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
  const org = useOrg(orgId);
  const members = useMembers(orgId);
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState(false);
  const manage = canManageMembers(me, orgId);
  // the last manager cannot leave (the server says org.last_manager): no button that can only fail
  const own = me.memberships.filter(
    (m) =>
      m.orgId === orgId && (!ORG_MANAGER_ROLES.includes(m.role) || (members.data?.items ?? []).filter((x) => x.role === m.role).length > 1),
  );

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
          <Space>
            {own.map((m) => (
              <LeaveButton key={m.id} membershipId={m.id} orgName={m.orgName} label={own.length > 1 ? roleLabel(t, m.role) : null} />
            ))}
            {manage && invitableRoles(me, data).length > 0 ? (
              <Button type="primary" icon={<MailOutlined />} onClick={() => setInviting(true)} data-testid="member-invite">
                {t('invite.button')}
              </Button>
            ) : null}
            {/* Only the platform adds people directly (audited); everyone else invites and waits for acceptance. */}
            {manage && me.role === 'platform_admin' ? (
              <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
                {t('orgs.addMember')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {members.error ? (
          <QueryError error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <MembersTable orgId={orgId} members={members.data?.items ?? []} loading={members.isPending} manage={manage} />
        )}
      </Card>
      {manage ? <OrgInvitations orgId={orgId} /> : null}
      {manage ? <InviteMemberModal org={data} open={inviting} onClose={() => setInviting(false)} /> : null}
      {manage && me.role === 'platform_admin' ? <AddMemberModal org={data} open={adding} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

/** The parent organization's name when the caller may read it, else its ID prefix. */
function ParentLink({ parentId }: { parentId: string }) {
  const parent = useOrg(parentId, { retry: false });
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
      await queryClient.invalidateQueries({ queryKey: identityKeys.members(orgId) });
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
  const [form] = Form.useForm<AddMemberForm>();
  const users = useUsers({ enabled: me.role === 'platform_admin' && open });
  const roles = ROLES_BY_ORG_KIND[org.kind];

  const add = useFormMutation({
    form,
    mutationFn: (values: AddMemberForm) =>
      endpoints.addMember(org.id, {
        userId: values.userId.trim(),
        role: values.role,
        ...(values.departmentId ? { departmentId: values.departmentId } : {}),
      }),
    fields: ADD_FIELDS,
    success: 'orgs.memberAdded',
    onSuccess: onClose,
    invalidate: [identityKeys.members(org.id)],
  });

  return (
    <FormModal<AddMemberForm>
      open={open}
      title={t('orgs.addMember')}
      onClose={onClose}
      form={form}
      onFinish={add.mutate}
      pending={add.isPending}
      okText={t('common.confirm')}
      initialValues={{ role: roles[0] }}
    >
      <Form.Item name="userId" label={t('orgs.user')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={users.isPending}
          placeholder={t('orgs.userSearch')}
          options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (@${u.username})` }))}
        />
      </Form.Item>
      <RoleFields org={org} roles={roles} />
    </FormModal>
  );
}

/** 退出该组织: ends one of the caller's own memberships, then reloads the session (its role may change). */
function LeaveButton({ membershipId, orgName, label }: { membershipId: string; orgName: string; label: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: () => endpoints.leaveMembership(membershipId),
    onSuccess: async () => {
      message.success(t('orgs.left', { org: orgName }));
      await queryClient.invalidateQueries({ queryKey: shellKeys.me });
      navigate('/');
    },
    onError: (error) => message.error(errorMessage(error, t('common.networkError'))),
  });
  return (
    <Popconfirm
      title={t('orgs.leaveConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => leave.mutateAsync()}
    >
      <Button danger icon={<LogoutOutlined />} data-testid="member-leave">
        {t('orgs.leave')}
        {label ? ` · ${label}` : ''}
      </Button>
    </Popconfirm>
  );
}

const STATUS_COLORS: Record<InvitationStatus, string> = {
  pending: 'processing',
  accepted: 'success',
  declined: 'default',
  revoked: 'default',
  expired: 'warning',
};

/** 成员邀请: the organization's invitations, with 撤销 on pending ones. */
function OrgInvitations({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const invitations = useOrgInvitations(orgId);
  const revoke = useMutation({
    mutationFn: (id: string) => endpoints.revokeInvitation(orgId, id),
    onSuccess: async () => {
      message.success(t('invite.revoked'));
      await queryClient.invalidateQueries({ queryKey: identityKeys.orgInvitations(orgId) });
    },
    onError: (error) => message.error(errorMessage(error, t('common.networkError'))),
  });
  const columns: TableColumnsType<Invitation> = [
    {
      title: t('orgs.user'),
      key: 'invitee',
      render: (_: unknown, inv) => (
        <span>
          <Typography.Text strong>{inv.invitee.displayName}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            @{inv.invitee.username}
            {inv.invitee.phone ? ` · ${inv.invitee.phone}` : ''}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('orgs.role'), dataIndex: 'role', render: (r: Role) => <Tag color="volcano">{roleLabel(t, r)}</Tag> },
    {
      title: t('invite.status'),
      dataIndex: 'status',
      render: (st: InvitationStatus) => <Tag color={STATUS_COLORS[st]}>{t(`invite.status.${st}`)}</Tag>,
    },
    { title: t('invite.invitedBy'), dataIndex: 'invitedBy', render: (v: string | null) => v ?? t('common.none') },
    { title: t('invite.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, inv) =>
        inv.status === 'pending' ? (
          <Popconfirm
            title={t('invite.revokeConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutateAsync(inv.id)}
          >
            <Button type="link" danger size="small" data-testid="invitation-revoke">
              {t('invite.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Card style={{ marginTop: 16 }} title={t('invite.listTitle')}>
      {invitations.error ? (
        <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : (
        <Table<Invitation>
          rowKey="id"
          data-testid="invitations-table"
          loading={invitations.isPending}
          columns={columns}
          dataSource={invitations.data?.items ?? []}
          locale={{ emptyText: t('invite.none') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
        />
      )}
    </Card>
  );
}

/** A manager hands out roles below its own (the server says so too); merchant staff are peers. */
function invitableRoles(me: Me, org: Organization): readonly Role[] {
  return ROLES_BY_ORG_KIND[org.kind].filter(
    (r) => me.role === 'platform_admin' || org.kind === 'merchant' || !ORG_MANAGER_ROLES.includes(r) || r !== me.role,
  );
}

interface InviteForm {
  invitee: string;
  role: Role;
  departmentId?: string;
}

const INVITE_FIELDS = ['invitee', 'role', 'departmentId'] as const;

function InviteMemberModal({ org, open, onClose }: { org: Organization; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<InviteForm>();
  const roles = invitableRoles(me, org);
  const send = useFormMutation({
    form,
    mutationFn: (values: InviteForm) =>
      endpoints.createInvitation(org.id, {
        invitee: values.invitee.trim(),
        role: values.role,
        ...(values.departmentId ? { departmentId: values.departmentId } : {}),
      }),
    fields: INVITE_FIELDS,
    success: 'invite.sent',
    onSuccess: onClose,
    invalidate: [identityKeys.orgInvitations(org.id)],
  });
  return (
    <FormModal<InviteForm>
      open={open}
      title={t('invite.title')}
      onClose={onClose}
      form={form}
      onFinish={send.mutate}
      pending={send.isPending}
      okText={t('common.confirm')}
      intro={<Typography.Paragraph type="secondary">{t('invite.hint')}</Typography.Paragraph>}
      initialValues={{ role: roles[roles.length - 1] }}
    >
      <Form.Item name="invitee" label={t('invite.invitee')} rules={[{ required: true, message: t('common.required') }]}>
        <Input placeholder={t('invite.inviteePlaceholder')} data-testid="invite-invitee" autoComplete="off" />
      </Form.Item>
      <RoleFields org={org} roles={roles} />
    </FormModal>
  );
}

/** The role to give and, where the organization has departments, the department: adding a member, inviting one. */
function RoleFields({ org, roles }: { org: Organization; roles: readonly Role[] }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="role" label={t('orgs.role')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
      </Form.Item>
      {org.departments.length > 0 ? (
        <Form.Item name="departmentId" label={t('orgs.department')}>
          <Select allowClear options={org.departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      ) : null}
    </>
  );
}
