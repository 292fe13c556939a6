/**
 * The streamer's live panel, connected to the room's socket as a manager: viewers and likes, the live chat with
 * delete and mute, the session's products with 置顶讲解 / 取消置顶, slow mode, and the compliance warnings panel fed by
 * `staff` frames — transcript warnings from the ASR pipeline and chat the gateway blocked. A mute is shown once the
 * room confirms it (a `staff` event every manager gets), not when it is sent. Staff events are not replayed on
 * reconnect: what arrived while this page was away is in the review queue, not here.
 */
import {
  AlertOutlined,
  DeleteOutlined,
  EyeOutlined,
  HeartFilled,
  MessageOutlined,
  PushpinFilled,
  PushpinOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  ShoppingOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { MAX_CHAT_CHARS } from '@livehub/contracts';
import { App, Badge, Button, Card, Col, Dropdown, Empty, Input, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { SessionProductRow } from '../../components/session-product-row.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import type { LiveSessionView } from '../../lib/api-types.ts';
import { groupByName, useRuleNames } from '../compliance/rule-names.ts';
import { localized, roomErrorMessage } from './live-labels.tsx';
import { type ComplianceEvent, type FeedItem, type LiveRoom, type ModerationEvent, type RoomPhase, useRoom } from './use-room.ts';
import { IconTitle } from '../../components/icon-title.tsx';

const SLOW_OPTIONS = [0, 3, 5, 10, 30, 60] as const;
const MUTE_OPTIONS = [60, 600, 3600, 86_400] as const;
type MuteSeconds = (typeof MUTE_OPTIONS)[number];

function PhaseBadge({ phase }: { phase: RoomPhase }) {
  const { t } = useI18n();
  const status = phase === 'open' ? 'success' : phase === 'ended' || phase === 'unavailable' ? 'default' : 'processing';
  return <Badge status={status} text={t(`live.phase.${phase}`)} data-testid="live-phase" data-phase={phase} />;
}

function StatsStrip({ room, chatCount }: { room: LiveRoom; chatCount: number }) {
  const { t } = useI18n();
  const { state, send } = room;
  return (
    <Card size="small" className="lh-console-strip">
      <div className="lh-console-strip-inner">
        <Statistic title={t('live.panel.viewers')} value={state.viewers} prefix={<EyeOutlined />} data-testid="live-viewers" />
        <Statistic
          title={t('live.panel.likes')}
          value={state.likes}
          prefix={<HeartFilled style={{ color: '#f5222d' }} />}
          data-testid="live-likes"
        />
        <Statistic title={t('live.panel.chat')} value={chatCount} prefix={<MessageOutlined />} />
        <Statistic
          title={t('live.panel.warnings')}
          value={state.staff.length}
          prefix={<AlertOutlined />}
          styles={{ content: state.staff.length > 0 ? { color: '#cf1322' } : {} }}
          data-testid="live-warning-count"
        />
        <div className="lh-console-strip-controls">
          <PhaseBadge phase={state.phase} />
          <Space size={6}>
            <Typography.Text type="secondary">{t('live.panel.slowMode')}</Typography.Text>
            <Select<number>
              size="small"
              value={state.slowMode}
              style={{ width: 110 }}
              onChange={(seconds) => send({ t: 'slow', seconds })}
              disabled={state.phase !== 'open'}
              data-testid="slow-mode"
              options={SLOW_OPTIONS.map((s) => ({
                value: s,
                label: s === 0 ? t('live.panel.slowOff') : t('live.panel.slowSeconds', { n: s }),
              }))}
            />
          </Space>
        </div>
      </div>
    </Card>
  );
}

function ProductsPanel({ session, room }: { session: LiveSessionView; room: LiveRoom }) {
  const { t } = useI18n();
  const { state, send } = room;
  return (
    <Card
      size="small"
      title={<IconTitle icon={<ShoppingOutlined />}>{t('live.panel.products')}</IconTitle>}
      className="lh-console-card"
      data-testid="live-products"
    >
      {session.products.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('live.products.none')} /> : null}
      {session.products.map((p, index) => {
        const pinned = state.pinned?.productId === p.productId;
        return (
          <SessionProductRow
            key={p.productId}
            product={p}
            index={index}
            testId="live-product"
            pinned={pinned}
            badge={
              pinned ? (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('live.pinned.tag')}
                </Tag>
              ) : null
            }
            extra={
              pinned ? (
                <Button size="small" icon={<PushpinFilled />} onClick={() => send({ t: 'unpin' })} data-testid="unpin-button">
                  {t('live.panel.unpin')}
                </Button>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  icon={<PushpinOutlined />}
                  disabled={state.phase !== 'open'}
                  onClick={() => send({ t: 'pin', productId: p.productId })}
                  data-testid="pin-button"
                >
                  {t('live.panel.pin')}
                </Button>
              )
            }
          />
        );
      })}
    </Card>
  );
}

function ChatPanel({ room, selfId }: { room: LiveRoom; selfId: string | null }) {
  const { t } = useI18n();
  const { state, send } = room;
  const [draft, setDraft] = useState('');
  const muted = state.mutes;
  const listRef = useRef<HTMLDivElement>(null);
  const lines = state.feed.filter((f): f is Extract<FeedItem, { kind: 'chat' | 'blocked' }> => f.kind !== 'order');

  useEffect(() => {
    const el = listRef.current;
    if (el && lines.length > 0) el.scrollTop = el.scrollHeight;
  }, [lines.length]);

  const submit = () => {
    const text = draft.trim();
    if (!text) return;
    if (send({ t: 'chat', text })) setDraft('');
  };

  // confirmed by the room in a `staff` event (see useModerationNotices)
  const mute = (uid: string, seconds: MuteSeconds) => send({ t: 'mute', userId: uid, seconds });
  const unmute = (uid: string) => send({ t: 'unmute', userId: uid });

  return (
    <Card
      size="small"
      title={<IconTitle icon={<MessageOutlined />}>{t('live.panel.chatTitle')}</IconTitle>}
      className="lh-console-card"
      data-testid="console-chat"
    >
      <div className="lh-console-chat" ref={listRef}>
        {lines.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('live.panel.noChat')} /> : null}
        {lines.map((f) =>
          f.kind === 'chat' ? (
            <div key={f.key} className="lh-console-chat-line" data-testid="console-chat-line" data-id={f.id} data-uid={f.uid}>
              <span className="lh-console-chat-time">{dayjs(f.at).format('HH:mm:ss')}</span>
              <span className="lh-console-chat-name">{f.name}</span>
              {(muted[f.uid] ?? 0) > Date.now() ? (
                <Tag color="orange" style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 4 }} data-testid="muted-tag">
                  {t('live.panel.mutedTag')}
                </Tag>
              ) : null}
              <span className="lh-console-chat-text" data-testid="chat-text">
                {f.text}
              </span>
              <span className="lh-console-chat-actions">
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  title={t('common.delete')}
                  onClick={() => send({ t: 'delete', id: f.id })}
                  data-testid="chat-delete"
                />
                {f.uid !== selfId ? (
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        ...MUTE_OPTIONS.map((s) => ({ key: String(s), label: t(`live.duration.${s}`), 'data-testid': `mute-${s}` })),
                        ...((muted[f.uid] ?? 0) > Date.now()
                          ? [{ type: 'divider' as const }, { key: 'unmute', label: t('live.panel.unmute'), 'data-testid': 'unmute' }]
                          : []),
                      ],
                      onClick: ({ key }) => {
                        const seconds = MUTE_OPTIONS.find((s) => String(s) === key);
                        if (seconds !== undefined) mute(f.uid, seconds);
                        else if (key === 'unmute') unmute(f.uid);
                      },
                    }}
                  >
                    <Button
                      size="small"
                      type="text"
                      icon={<StopOutlined />}
                      aria-label={t('live.panel.mute')}
                      title={t('live.panel.mute')}
                      data-testid="chat-mute"
                    />
                  </Dropdown>
                ) : null}
              </span>
            </div>
          ) : (
            <div key={f.key} className="lh-console-chat-line lh-console-chat-blocked">
              <Tag color="red">{t('live.room.blockedTag')}</Tag>
              <span className="lh-console-chat-text">{f.text}</span>
            </div>
          ),
        )}
      </div>
      <div className="lh-console-chat-input">
        <Input
          value={draft}
          maxLength={MAX_CHAT_CHARS}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={submit}
          placeholder={t('live.panel.hostChatPlaceholder')}
          disabled={state.phase !== 'open'}
          data-testid="host-chat-input"
        />
        <Button type="primary" icon={<SendOutlined />} onClick={submit} disabled={state.phase !== 'open'} data-testid="host-chat-send">
          {t('live.room.send')}
        </Button>
      </div>
    </Card>
  );
}

function WarningItem({ e }: { e: ComplianceEvent }) {
  const { t, locale } = useI18n();
  if (e.k === 'warning')
    return (
      <div className="lh-warning" data-testid="warning-item" data-kind="warning" data-source={e.source}>
        <div className="lh-warning-head">
          <Tag color={e.source === 'transcript' ? 'red' : 'volcano'} style={{ marginInlineEnd: 0 }}>
            {t(`live.warning.source.${e.source}`)}
          </Tag>
          <span className="lh-warning-time">{dayjs(e.at).format('HH:mm:ss')}</span>
        </div>
        <div className="lh-warning-message" data-testid="warning-message">
          {/* the server sends the rule's explanation as a template, its {matched} slot unfilled */}
          {localized(locale, e.message).replaceAll('{matched}', '…')}
        </div>
        <div className="lh-warning-text" data-testid="warning-text">
          「{e.text}」
        </div>
        <RuleNames ids={e.ruleIds} />
      </div>
    );
  return (
    <div className="lh-warning lh-warning-blocked" data-testid="warning-item" data-kind="blocked_chat" data-source="chat">
      <div className="lh-warning-head">
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('live.warning.blockedChat')}
        </Tag>
        <span className="lh-warning-time">{dayjs(e.at).format('HH:mm:ss')}</span>
      </div>
      <div className="lh-warning-message">{t('live.warning.blockedFrom', { name: e.name })}</div>
      <div className="lh-warning-text" data-testid="warning-text">
        「{e.text}」
      </div>
      <RuleNames ids={e.ruleIds} />
    </div>
  );
}

/** The rules a warning is about, by name (the rule code one hover away). */
function RuleNames({ ids }: { ids: readonly string[] }) {
  const ruleName = useRuleNames();
  return (
    <div className="lh-warning-rules" data-testid="warning-rules">
      {groupByName(ids, ruleName).map((g, i) => (
        <span key={g.name} title={g.title}>
          {i > 0 ? '；' : ''}
          {g.name}
        </span>
      ))}
    </div>
  );
}

function WarningsPanel({ staff }: { staff: ComplianceEvent[] }) {
  const { t } = useI18n();
  const newestFirst = [...staff].reverse();
  return (
    <Card
      size="small"
      title={
        <Space>
          <AlertOutlined style={{ color: staff.length > 0 ? '#cf1322' : undefined }} />
          {t('live.warning.title')}
          <Badge count={staff.length} overflowCount={99} />
        </Space>
      }
      className="lh-console-card"
      data-testid="warnings-panel"
      data-count={staff.length}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('live.warning.hint')}
      </Typography.Paragraph>
      <div className="lh-warnings">
        {newestFirst.length === 0 ? (
          <Empty image={<SafetyCertificateOutlined className="lh-warnings-empty-icon" />} description={t('live.warning.none')} />
        ) : (
          newestFirst.map((e) => <WarningItem key={`${e.k}-${e.seq}`} e={e} />)
        )}
      </div>
    </Card>
  );
}

/**
 * A toast for each mute or unmute the room confirms: "done" for this manager's own, "X muted Y" for another
 * manager's. Names come from the chat (a manager mutes from a chat line), the user id when the line is gone.
 */
function useModerationNotices(room: LiveRoom, selfId: string | null): void {
  const { t } = useI18n();
  const { message } = App.useApp();
  const shown = useRef(0);
  const { moderation, feed } = room.state;
  useEffect(() => {
    const fresh = moderation.filter((e) => e.seq > shown.current);
    if (fresh.length === 0) return;
    shown.current = Math.max(...fresh.map((e) => e.seq));
    const nameOf = (uid: string) => {
      for (const f of feed) if (f.kind === 'chat' && f.uid === uid) return f.name;
      return uid.slice(0, 8);
    };
    for (const e of fresh) {
      const mine = e.by !== null && e.by === selfId;
      const values = { name: nameOf(e.uid), by: e.byName };
      const text = moderationText(t, e, mine, values);
      message.success({
        content: (
          <span data-testid="mute-ack" data-kind={e.k} data-uid={e.uid} data-mine={mine}>
            {text}
          </span>
        ),
      });
    }
  }, [moderation, feed, selfId, message, t]);
}

function moderationText(t: Translate, e: ModerationEvent, mine: boolean, v: { name: string; by: string }): string {
  if (e.k === 'unmuted') return mine ? t('live.panel.unmutedUser', v) : t('live.panel.unmutedUserBy', v);
  const time = dayjs(e.until).format(dayjs(e.until).isSame(e.at, 'day') ? 'HH:mm:ss' : 'MM-DD HH:mm');
  return mine ? t('live.panel.mutedUser', { ...v, time }) : t('live.panel.mutedUserBy', { ...v, time });
}

export function RoomControlPanel({
  session,
  selfId,
  onEnded,
}: {
  session: LiveSessionView;
  selfId: string | null;
  /** the room ended while this page held it (ended elsewhere: the platform, another tab) */
  onEnded: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const room = useRoom(session.id, true);
  const { notice } = room.state;
  const chatCount = room.state.feed.filter((f) => f.kind === 'chat').length;
  useModerationNotices(room, selfId);

  useEffect(() => {
    if (!notice) return;
    message.warning(roomErrorMessage(t, locale, notice.code, notice.message));
    room.clearNotice();
  }, [notice, message, t, locale, room.clearNotice]);

  const ended = room.state.phase === 'ended';
  const onEndedRef = useRef(onEnded);
  onEndedRef.current = onEnded;
  useEffect(() => {
    if (ended) onEndedRef.current();
  }, [ended]);

  return (
    <div data-testid="live-panel" data-phase={room.state.phase}>
      <StatsStrip room={room} chatCount={chatCount} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={8}>
          <ProductsPanel session={session} room={room} />
        </Col>
        <Col xs={24} xl={9}>
          <ChatPanel room={room} selfId={selfId} />
        </Col>
        <Col xs={24} xl={7}>
          <WarningsPanel staff={room.state.staff} />
        </Col>
      </Row>
    </div>
  );
}
