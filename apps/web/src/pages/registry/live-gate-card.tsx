/** 主播认证与开播资格: the signed-in user's certification status and whether they may go live now (liveGate). */
import { CheckCircleFilled, IdcardOutlined, StopFilled } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useApplications, useMyStreamerRegistration } from '../../queries/registry.ts';
import { gateReasonLabel, StreamerStatusTag, topicLabel } from './registry-labels.tsx';
import './registry.css';
import { IconTitle } from '../../components/icon-title.tsx';

/** Statuses after which a new certification application may be filed. */
export const REAPPLY_STATUSES: readonly string[] = ['rejected', 'revoked'];

export function LiveGateCard({
  style,
  showApplyButton = true,
  showApplicationLink = true,
  wide = false,
}: {
  style?: CSSProperties;
  showApplyButton?: boolean;
  /** a link to the latest certification application (off on that application's own page) */
  showApplicationLink?: boolean;
  /** side by side (status left, details right) for full-width placements such as the workbench */
  wide?: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mine = useMyStreamerRegistration({ staleTime: 0 });
  const applications = useApplications('mine', 'streamer_certification', { enabled: showApplicationLink && Boolean(mine.data?.profile) });

  if (mine.error) {
    return (
      <Card title={t('registry.gate.title')} style={style}>
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
      </Card>
    );
  }
  if (!mine.data) {
    return (
      <Card title={t('registry.gate.title')} style={style}>
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  }

  const { profile, liveGate } = mine.data;
  const canApply = !profile || REAPPLY_STATUSES.includes(profile.status);
  const latest = [...(applications.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

  return (
    <Card
      style={style}
      data-testid="live-gate-card"
      data-allowed={String(liveGate.allowed)}
      title={<IconTitle icon={<IdcardOutlined />}>{t('registry.gate.title')}</IconTitle>}
      extra={<StreamerStatusTag status={profile?.status ?? null} />}
    >
      <div className={wide ? 'lh-gate-wide' : undefined}>
        <div>
          <div className={`lh-gate ${liveGate.allowed ? 'lh-gate-ok' : 'lh-gate-blocked'}`} data-testid="live-gate">
            <span className="lh-gate-icon">{liveGate.allowed ? <CheckCircleFilled /> : <StopFilled />}</span>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div className="lh-gate-title">{liveGate.allowed ? t('registry.gate.allowed') : t('registry.gate.blocked')}</div>
              {liveGate.reasons.length > 0 ? (
                <Space size={[4, 4]} wrap data-testid="live-gate-reasons">
                  <Typography.Text type="secondary">{t('registry.gate.reasons')}：</Typography.Text>
                  {liveGate.reasons.map((reason) => (
                    <Tag key={reason} color="error" variant="filled" data-reason={reason} style={{ marginInlineEnd: 0 }}>
                      {gateReasonLabel(t, reason)}
                    </Tag>
                  ))}
                </Space>
              ) : profile?.certifiedUntil ? (
                <Typography.Text type="secondary">
                  {t('registry.gate.certifiedUntil', { date: dayjs(profile.certifiedUntil).format('YYYY-MM-DD') })}
                </Typography.Text>
              ) : null}
            </div>
          </div>
        </div>
        <div>
          {profile ? (
            <Descriptions size="small" column={1} colon={false} style={{ marginTop: wide ? 0 : 12 }} styles={{ label: { width: 80 } }}>
              <Descriptions.Item label={t('registry.gate.realName')}>{profile.realName}</Descriptions.Item>
              {profile.idNumber ? (
                <Descriptions.Item label={t('registry.gate.idNumber')}>
                  <span className="lh-mono">{profile.idNumber}</span>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('registry.gate.topics')}>
                {profile.topics.map((topic) => topicLabel(t, topic)).join('、')}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              {t('registry.gate.notRegisteredHint')}
            </Typography.Paragraph>
          )}
          <Space style={{ marginTop: 12 }} wrap>
            {canApply && showApplyButton ? (
              <Button type="primary" onClick={() => navigate('/apply/streamer')} data-testid="go-certify">
                {t('registry.gate.goCertify')}
              </Button>
            ) : null}
            {latest && showApplicationLink ? (
              <Button onClick={() => navigate(`/applications/${latest.id}`)} data-testid="gate-view-application">
                {t('registry.gate.viewApplication')}
              </Button>
            ) : null}
          </Space>
        </div>
      </div>
    </Card>
  );
}
