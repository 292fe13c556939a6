/**
 * 待处理的邀请: invitations addressed to the signed-in user, with 接受 / 拒绝. Shown on every workbench (the
 * shop page too: a new streamer has no organization yet). Renders nothing when there are none.
 */
import { MailOutlined } from '@ant-design/icons';
import type { Invitation } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { orgKindLabel, roleLabel, useI18n } from '../i18n/index.ts';
import { endpoints } from '../lib/endpoints.ts';
import { errorMessage } from '../lib/form-errors.ts';
import { applyMe, useMe } from '../lib/session.ts';
import { identityKeys, useMyInvitations } from '../queries/identity.ts';
import { shellKeys } from '../queries/shell.ts';

export function PendingInvitations({ style }: { style?: CSSProperties }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitations = useMyInvitations();

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: identityKeys.myInvitations });
    await queryClient.invalidateQueries({ queryKey: shellKeys.me });
  };
  const accept = useMutation({
    mutationFn: (inv: Invitation) => endpoints.acceptInvitation(inv.id),
    onSuccess: async (inv) => {
      message.success(t('invite.accepted', { org: inv.orgName }));
      // Someone with no organization yet starts acting through the new one at once (a new streamer's workbench).
      if (!me.active && inv.membershipId) {
        const next = await endpoints.switchMembership(inv.membershipId);
        applyMe(queryClient, next);
        await queryClient.invalidateQueries({ queryKey: identityKeys.myInvitations });
        navigate(next.workbench);
        return;
      }
      await refresh();
    },
    onError: (error) => message.error(errorMessage(error, t('common.networkError'))),
  });
  const decline = useMutation({
    mutationFn: (inv: Invitation) => endpoints.declineInvitation(inv.id),
    onSuccess: async () => {
      message.success(t('invite.declined'));
      await refresh();
    },
    onError: (error) => message.error(errorMessage(error, t('common.networkError'))),
  });

  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      style={style}
      data-testid="my-invitations"
      title={
        <Space>
          <MailOutlined />
          {t('invite.mineTitle')}
          <Badge count={items.length} />
        </Space>
      }
    >
      <List<Invitation>
        dataSource={items}
        renderItem={(inv) => (
          <List.Item
            data-testid="my-invitation"
            actions={[
              <Button
                key="accept"
                type="primary"
                loading={accept.isPending && accept.variables?.id === inv.id}
                onClick={() => accept.mutate(inv)}
                data-testid="invitation-accept"
              >
                {t('invite.accept')}
              </Button>,
              <Popconfirm
                key="decline"
                title={t('invite.declineConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => decline.mutateAsync(inv)}
              >
                <Button danger data-testid="invitation-decline">
                  {t('invite.decline')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={t('invite.mineText', { org: inv.orgName, kind: orgKindLabel(t, inv.orgKind), role: roleLabel(t, inv.role) })}
              description={
                <Space size={16} wrap>
                  {inv.invitedBy ? <span>{t('invite.mineFrom', { name: inv.invitedBy })}</span> : null}
                  {inv.departmentName ? <span>{inv.departmentName}</span> : null}
                  <Typography.Text type="secondary">
                    {t('invite.expiresAt')} {dayjs(inv.expiresAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
