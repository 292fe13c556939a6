/**
 * 人货匹配 on the selection pages: 为你推荐 (the streamer's recommendations with score and reasons, and the choice of
 * the non-personalised ranking, 电子商务法 第十八条), 为什么不能带 (the hard constraints that keep a product from the
 * streamer, in words) and 找达人 (streamers for the merchant's product, with an invitation that creates a targeted
 * commission plan through the plan service).
 */
import { BulbOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import type { MatchReason } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  InputNumber,
  List,
  Modal,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type CSSProperties, useState } from 'react';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ProductView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { formatBp, formatFen, pctToBp } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import {
  matchingKeys,
  useMatchActivity,
  useMatchModel,
  useMatchPreference,
  useRecommendations,
  useStreamersForProduct,
  useWhyNot,
} from '../../queries/matching.ts';
import { selectionKeys } from '../../queries/selection.ts';
import { selectionErrorMessage } from './selection-errors.ts';

function Reasons({ reasons, max = 3 }: { reasons: MatchReason[]; max?: number }) {
  const { locale } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {reasons.slice(0, max).map((r) => (
        <Tag key={r.code} color="blue" style={{ marginInlineEnd: 0 }} data-testid="match-reason" data-code={r.code}>
          {locale === 'en-US' ? r.en : r.zh}
        </Tag>
      ))}
    </Space>
  );
}

/** 为你推荐: the signed-in streamer's recommendations; opening one records a click. */
export function RecommendationsCard({ onOpen }: { onOpen: (productId: string) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const pref = useMatchPreference();
  const personalised = pref.data?.personalised ?? true;
  const recs = useRecommendations({ userId: me.user.id, k: 8, personalised }, { enabled: pref.isSuccess, staleTime: 30_000 });
  const save = useMutation({
    mutationFn: (value: boolean) => endpoints.setMatchPreference({ personalised: value }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: matchingKeys.all });
      message.success(t('matching.recs.saved'));
    },
    onError: (e) => message.error(selectionErrorMessage(t, e)),
  });
  const open = (productId: string) => {
    void endpoints.matchClick({ productId, personalised }).catch(() => {});
    onOpen(productId);
  };
  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid="recommendations"
      title={
        <Space>
          <BulbOutlined />
          {t('matching.recs.title')}
        </Space>
      }
      extra={
        <Tooltip title={t('matching.recs.personalisedHint')}>
          <Space>
            <Typography.Text type="secondary">{t('matching.recs.personalised')}</Typography.Text>
            <Switch
              checked={personalised}
              loading={save.isPending || pref.isPending}
              onChange={(v) => save.mutate(v)}
              data-testid="recommendations-personalised"
            />
          </Space>
        </Tooltip>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {personalised ? t('matching.recs.subtitle') : t('matching.recs.personalisedHint')}
      </Typography.Paragraph>
      {recs.error ? (
        <QueryError error={recs.error} onRetry={() => void recs.refetch()} />
      ) : !recs.data ? (
        <Skeleton active />
      ) : recs.data.items.length === 0 ? (
        <Empty description={t('matching.recs.empty')} />
      ) : (
        <List
          grid={{ gutter: 12, xs: 1, sm: 2, lg: 4 }}
          dataSource={recs.data.items}
          renderItem={(it) => (
            <List.Item>
              <Card
                size="small"
                hoverable
                style={{ width: '100%' }}
                onClick={() => open(it.productId)}
                data-testid="recommendation"
                data-product-id={it.productId}
              >
                <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ minHeight: 44, marginBottom: 4 }}>
                  {it.title}
                </Typography.Paragraph>
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {it.merchantName} · {it.categoryName}
                </Typography.Text>
                <Space style={{ margin: '6px 0' }} wrap>
                  <Typography.Text strong style={{ color: '#f4442e' }}>
                    {formatFen(it.priceFen)}
                  </Typography.Text>
                  <Tag color="volcano">{formatBp(it.commissionBp)}</Tag>
                  <Tag color="gold" data-testid="recommendation-score">
                    {t('matching.recs.score', { score: it.score.toFixed(2) })}
                  </Tag>
                </Space>
                <Reasons reasons={it.reasons} />
              </Card>
            </List.Item>
          )}
        />
      )}
      {recs.data ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {recs.data.learned && recs.data.modelTrainedAt
            ? t('matching.recs.learned', { at: dayjs(recs.data.modelTrainedAt).format('YYYY-MM-DD HH:mm') })
            : t('matching.recs.signals')}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** 为什么不能带: for the signed-in streamer and a pool product. */
export function WhyNotPanel({ productId }: { productId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const answer = useWhyNot({ userId: me.user.id, productId }, { staleTime: 15_000 });
  if (answer.error) return <QueryError error={answer.error} onRetry={() => void answer.refetch()} />;
  if (!answer.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  return answer.data.allowed ? (
    <Alert
      type="success"
      showIcon
      title={t('matching.whyNot.allowed')}
      style={{ marginBottom: 16 }}
      data-testid="why-not"
      data-allowed="true"
    />
  ) : (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="why-not"
      data-allowed="false"
      title={t('matching.whyNot.title')}
      description={
        <div>
          {t('matching.whyNot.notAllowed')}
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {answer.data.reasons.map((r) => (
              <li key={r.code} data-testid="why-not-reason" data-code={r.code}>
                {locale === 'en-US' ? r.en : r.zh}
              </li>
            ))}
          </ul>
        </div>
      }
    />
  );
}

interface InviteValues {
  commissionPct: number;
  days: number;
}

/** 找达人: streamers for the merchant's product; 邀请 creates a targeted plan naming the streamer. */
export function FindStreamersCard({ product }: { product: ProductView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useStreamersForProduct(product.id, { enabled: product.status === 'approved', staleTime: 30_000 });
  const [inviting, setInviting] = useState<{ id: string; name: string } | null>(null);
  const [form] = Form.useForm<InviteValues>();
  const invite = useMutation({
    mutationFn: (v: InviteValues & { streamerId: string }) => {
      const now = dayjs();
      return endpoints.createPlan({
        productId: product.id,
        type: 'targeted',
        commissionBp: pctToBp(v.commissionPct),
        mcnServiceFeeBp: 0,
        slotFeeFen: 0,
        startsAt: now.toISOString(),
        endsAt: now.add(v.days, 'day').toISOString(),
        partners: [{ kind: 'streamer', id: v.streamerId }],
      });
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: selectionKeys.plans(product.id) }),
        queryClient.invalidateQueries({ queryKey: matchingKeys.all }),
      ]);
      message.success(t('matching.find.invited', { name: inviting?.name ?? '' }));
      setInviting(null);
    },
    onError: (e) => message.error(selectionErrorMessage(t, e)),
  });
  if (product.status !== 'approved') return null;
  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid="find-streamers"
      title={
        <Space>
          <TeamOutlined />
          {t('matching.find.title')}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('matching.find.subtitle')}
      </Typography.Paragraph>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active />
      ) : !list.data.inPool ? (
        <Alert type="info" showIcon title={t('matching.find.notInPool')} data-testid="find-not-in-pool" />
      ) : (
        <Table
          rowKey="streamerUserId"
          size="small"
          pagination={false}
          dataSource={list.data.items}
          scroll={{ x: 560 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.find.empty')} /> }}
          columns={[
            {
              title: t('matching.find.streamer'),
              key: 'name',
              render: (_: unknown, r) => (
                <span data-testid="match-streamer" data-user-id={r.streamerUserId}>
                  {r.displayName}
                </span>
              ),
            },
            { title: t('matching.find.mcn'), key: 'mcn', render: (_: unknown, r) => r.mcnName ?? t('matching.find.independent') },
            { title: t('matching.recs.score', { score: '' }).trim(), key: 'score', render: (_: unknown, r) => r.score.toFixed(2) },
            { title: t('matching.find.reasons'), key: 'reasons', render: (_: unknown, r) => <Reasons reasons={r.reasons} max={2} /> },
            {
              title: '',
              key: 'invite',
              render: (_: unknown, r) => (
                <Button
                  size="small"
                  icon={<SendOutlined />}
                  onClick={() => {
                    form.setFieldsValue({ commissionPct: 20, days: 30 });
                    setInviting({ id: r.streamerUserId, name: r.displayName });
                  }}
                  data-testid="match-invite"
                >
                  {t('matching.find.invite')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={inviting !== null}
        title={t('matching.find.inviteTitle', { name: inviting?.name ?? '' })}
        onCancel={() => setInviting(null)}
        onOk={() => void form.validateFields().then((v) => inviting && invite.mutate({ ...v, streamerId: inviting.id }))}
        confirmLoading={invite.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="commissionPct" label={t('matching.find.commission')} rules={[{ required: true }]}>
            <InputNumber min={1} max={90} style={{ width: '100%' }} data-testid="invite-commission" />
          </Form.Item>
          <Form.Item name="days" label={t('matching.find.days')} rules={[{ required: true }]}>
            <InputNumber min={1} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The recommendation model in use: its version, when and how it was trained, its samples, the next scheduled run. */
function MatchModelLine() {
  const { t } = useI18n();
  const model = useMatchModel({ staleTime: 60_000 });
  if (!model.data) return null;
  const m = model.data.latest;
  const fmt = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');
  return (
    <Typography.Paragraph type="secondary" data-testid="match-model">
      {m
        ? t('matching.model.line', {
            version: String(m.version),
            at: fmt(m.trainedAt),
            trigger: t(m.trigger === 'schedule' ? 'matching.model.schedule' : 'matching.model.manual'),
            interactions: String(m.interactions),
            pairs: String(m.pairs),
            streamers: String(m.streamers),
            products: String(m.products),
          })
        : t('matching.model.none')}
      {model.data.nextRetrainAt ? `；${t('matching.model.next', { at: fmt(model.data.nextRetrainAt) })}` : ''}
    </Typography.Paragraph>
  );
}

/** 匹配动态: the base's hosted streamers' impressions, clicks, invitations and agreements over 30 days, and the model. */
export function MatchActivityCard({ style }: { style?: CSSProperties }) {
  const { t } = useI18n();
  const activity = useMatchActivity({ staleTime: 60_000 });
  return (
    <Card style={style} title={t('matching.activity.title')} data-testid="match-activity">
      <MatchModelLine />
      {activity.error ? (
        <QueryError error={activity.error} onRetry={() => void activity.refetch()} />
      ) : (
        <Table
          rowKey="streamerUserId"
          size="small"
          loading={activity.isPending}
          dataSource={activity.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 480 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.activity.empty')} /> }}
          columns={[
            { title: t('matching.find.streamer'), dataIndex: 'displayName', key: 'name' },
            { title: t('matching.activity.impressions'), dataIndex: 'impressions', key: 'impressions' },
            { title: t('matching.activity.clicks'), dataIndex: 'clicks', key: 'clicks' },
            { title: t('matching.activity.invitations'), dataIndex: 'invitations', key: 'invitations' },
            { title: t('matching.activity.agreements'), dataIndex: 'agreements', key: 'agreements' },
          ]}
        />
      )}
    </Card>
  );
}
