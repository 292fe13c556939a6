/** 联审看板: one card per department of a joint review with its decision (待审 / 同意 / 不同意), time and reason. */
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { ApplicationAction, ApplicationView } from '../../lib/api-types.ts';
import { useMe } from '../../lib/session.ts';
import { bi } from '../../lib/labels.ts';
import { departmentLabel } from './registry-labels.tsx';
import { IconTitle } from '../../components/icon-title.tsx';

/** Whether an application has a joint review worth showing: in progress, or with decisions on record. */
export function hasJointReview(app: ApplicationView): boolean {
  return app.jointReview !== null && (app.stepType === 'joint_review' || app.jointReview.departments.some((d) => d.decision !== null));
}

/** The acting regulator's department code, when it is one of the board's departments. */
function useMyDepartment(codes: readonly string[]): string | null {
  const code = useMe().active?.departmentCode ?? null;
  return code && codes.includes(code) ? code : null;
}

const DECISION_ICON: Record<string, ReactNode> = {
  approve: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  reject: <CloseCircleFilled style={{ color: '#f5222d' }} />,
  pending: <ClockCircleOutlined style={{ color: '#8c8c8c' }} />,
};

export function JointReviewBoard({
  app,
  actions = [],
  onAction,
  busy = false,
  compact = false,
  extra,
}: {
  app: ApplicationView;
  /** the viewer's vote actions (approve / reject) */
  actions?: readonly ApplicationAction[];
  onAction?: (action: ApplicationAction) => void;
  busy?: boolean;
  compact?: boolean;
  extra?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const departments = app.jointReview?.departments ?? [];
  const mine = useMyDepartment(departments.map((d) => d.code));
  const done = departments.filter((d) => d.decision !== null).length;
  const voteButtons =
    actions.length > 0 ? (
      <Space size={8} wrap data-testid="vote-buttons">
        {actions.map((action) => (
          <Button
            key={action.action}
            type={action.action === 'approve' ? 'primary' : 'default'}
            danger={action.action === 'reject'}
            size={compact ? 'small' : 'middle'}
            loading={busy}
            onClick={() => onAction?.(action)}
            data-testid={`action-${action.action}`}
          >
            {bi(locale, action.label)}
          </Button>
        ))}
      </Space>
    ) : null;
  const mineListed = mine !== null && departments.some((d) => d.code === mine);

  return (
    <Card
      size={compact ? 'small' : 'default'}
      data-testid="joint-board"
      data-application-id={app.id}
      style={{ marginBottom: 16 }}
      title={
        <IconTitle icon={<TeamOutlined />}>
          {compact ? (app.subjectName ?? bi(locale, app.kindTitle)) : t('registry.joint.title')}
        </IconTitle>
      }
      extra={
        extra ?? (
          <Space size={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('registry.joint.progress', { done, total: departments.length })}
            </Typography.Text>
            <Progress
              type="circle"
              size={28}
              percent={departments.length ? Math.round((done / departments.length) * 100) : 0}
              showInfo={false}
              strokeColor="#52c41a"
            />
          </Space>
        )
      }
    >
      {compact ? null : (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('registry.joint.subtitle')}
        </Typography.Paragraph>
      )}
      <Row gutter={[12, 12]}>
        {departments.map((d) => {
          const decision = d.decision ?? 'pending';
          const isMine = d.code === mine;
          return (
            <Col key={d.code} xs={24} md={8}>
              <div
                className={`lh-dept-card${isMine ? ' lh-dept-card-mine' : ''}`}
                data-testid={`dept-card-${d.code}`}
                data-decision={decision}
              >
                <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                  <Space size={6}>
                    {DECISION_ICON[decision]}
                    <span className="lh-dept-name">{departmentLabel(t, d.code)}</span>
                    {isMine ? (
                      <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                        {t('registry.joint.mine')}
                      </Tag>
                    ) : null}
                  </Space>
                  <Tag
                    color={decision === 'approve' ? 'success' : decision === 'reject' ? 'error' : 'default'}
                    style={{ marginInlineEnd: 0 }}
                    data-testid="dept-decision"
                  >
                    {t(`registry.joint.${decision}`)}
                  </Tag>
                </div>
                {d.at ? (
                  <div className="lh-timeline-meta" style={{ marginTop: 6 }}>
                    {dayjs(d.at).format('YYYY-MM-DD HH:mm')}
                  </div>
                ) : null}
                {d.reason ? (
                  <div className="lh-timeline-reason" style={{ fontSize: 13 }}>
                    {d.reason}
                  </div>
                ) : null}
                {isMine && voteButtons && !compact ? <div style={{ marginTop: 10 }}>{voteButtons}</div> : null}
              </div>
            </Col>
          );
        })}
      </Row>
      {voteButtons && (!mineListed || compact) ? <div style={{ marginTop: 12 }}>{voteButtons}</div> : null}
    </Card>
  );
}
