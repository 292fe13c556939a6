/**
 * 协议详情: the parties and who has accepted, the terms of the shown version with its content hash (verified
 * against the stored text), every version, and the actions — accept the shown version by its hash, propose new
 * terms (改签), terminate with a reason.
 */
import {
  CheckCircleFilled,
  CheckOutlined,
  ClockCircleOutlined,
  EditOutlined,
  SafetyCertificateFilled,
  StopOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { DEFAULT_OBLIGATIONS } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useParams } from 'react-router';
import { BackButton } from '../../components/back-button.tsx';
import { DetailPending } from '../../components/detail-pending.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { AgreementVersion, AgreementView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { ReasonDialog, useReasonAction } from '../../components/reason-dialog.tsx';
import { selectionKeys, useAgreement } from '../../queries/selection.ts';
import { AgreementAmendModal, termsProductLines } from './agreement-form.tsx';
import { awaitsMe } from './agreements-page.tsx';
import { formatBp, formatFen, shortHash } from '../../lib/money.ts';
import { AgreementStatusTag, obligationLabel, partyLabel } from './selection-labels.tsx';
import { selectionErrorMessage } from './selection-errors.ts';
import './selection.css';

export function AgreementPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const [amending, setAmending] = useState(false);
  const detail = useAgreement(id, { staleTime: 0 });

  const store = async (a: AgreementView) => {
    queryClient.setQueryData(selectionKeys.agreement(id), a);
    await queryClient.invalidateQueries({ queryKey: selectionKeys.agreements });
  };
  const accept = useMutation({
    mutationFn: (v: AgreementVersion) => endpoints.acceptAgreement(id, { version: v.version, contentHash: v.contentHash }),
    onSuccess: async (a) => {
      await store(a);
      message.success(a.status === 'in_force' ? t('agreement.nowInForce') : t('agreement.accepted'));
    },
    onError: async (e) => {
      message.error(selectionErrorMessage(t, e));
      await detail.refetch();
    },
  });
  const terminate = useReasonAction(
    (reason) => endpoints.terminateAgreement(id, reason),
    store,
    'agreement.terminated',
    (e) => selectionErrorMessage(t, e),
  );

  const back = (
    <BackButton to="/agreements" testId="agreement-back">
      {t('agreement.back')}
    </BackButton>
  );
  if (detail.error || !detail.data) {
    const notFound = { notFound: t('agreement.notFound'), notFoundTestId: 'agreement-not-found' };
    return <DetailPending query={detail} testId="agreement-page" title={t('agreement.detailTitle')} extra={back} {...notFound} />;
  }

  const a = detail.data;
  const closed = a.status === 'terminated' || a.status === 'expired';
  const versionNo = shownVersion ?? a.currentVersion;
  const shown = a.versions.find((v) => v.version === versionNo) ?? a.versions.at(-1);
  const current = a.versions.find((v) => v.version === a.currentVersion);
  const mine = awaitsMe(a);

  return (
    <div data-testid="agreement-page" data-agreement-id={a.id} data-status={a.status} data-current-version={a.currentVersion}>
      <PageHeader
        title={
          <Space size={12} wrap>
            {t('agreement.detailTitle')}
            <AgreementStatusTag status={a.status} />
          </Space>
        }
        subtitle={
          <span>
            {a.merchantName} × {a.streamerName}
            {a.mcnName ? ` × ${a.mcnName}` : ''}
          </span>
        }
        extra={
          <Space wrap>
            {back}
            {a.myParty && !closed ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setAmending(true)} data-testid="agreement-amend">
                  {t('agreement.amend')}
                </Button>
                <Button danger icon={<StopOutlined />} onClick={terminate.start} data-testid="agreement-terminate">
                  {t('agreement.terminate')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />

      {a.status === 'terminated' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('agreement.terminatedNote')}
          description={a.terminatedReason}
          data-testid="agreement-terminated"
        />
      ) : null}
      {a.status === 'in_force' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('agreement.inForceNote', { n: a.inForceVersion ?? a.currentVersion })}
          description={a.inForceVersion !== a.currentVersion ? t('agreement.newVersionPending', { n: a.currentVersion }) : undefined}
          data-testid="agreement-in-force"
        />
      ) : null}
      {mine && current ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('agreement.awaitingYou', { n: current.version })}
          description={t('agreement.acceptHint')}
          data-testid="agreement-awaiting"
        />
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            title={t('agreement.terms.title')}
            style={{ marginBottom: 16 }}
            data-testid="agreement-terms"
            extra={
              a.versions.length > 1 ? (
                <Segmented<number>
                  size="small"
                  value={shown?.version ?? a.currentVersion}
                  onChange={setShownVersion}
                  options={a.versions.map((v) => ({ value: v.version, label: t('agreement.versionN', { n: v.version }) }))}
                />
              ) : null
            }
          >
            {shown ? <TermsView agreement={a} version={shown} /> : null}
            {shown && mine && shown.version === a.currentVersion ? (
              <div className="lh-accept-bar">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('agreement.acceptWhat', { n: shown.version, hash: shortHash(shown.contentHash) })}
                </Typography.Text>
                <Popconfirm
                  title={t('agreement.acceptConfirm', { n: shown.version })}
                  onConfirm={() => accept.mutate(shown)}
                  okButtonProps={{ 'data-testid': 'agreement-accept-ok' } as ButtonProps}
                >
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    loading={accept.isPending}
                    disabled={!shown.hashValid}
                    data-testid="agreement-accept"
                  >
                    {t('agreement.accept')}
                  </Button>
                </Popconfirm>
              </div>
            ) : null}
          </Card>
          <VersionsCard agreement={a} />
        </Col>
        <Col xs={24} xl={9}>
          <PartiesCard agreement={a} />
        </Col>
      </Row>

      {amending ? <AgreementAmendModal agreement={a} open={amending} onClose={() => setAmending(false)} /> : null}
      <ReasonDialog
        {...terminate.dialog}
        title={t('agreement.terminate')}
        hint={t('agreement.terminateHint')}
        submitLabel={t('agreement.terminate')}
        danger
        testIds={{ modal: 'terminate-modal', input: 'terminate-reason', submit: 'terminate-submit', error: 'terminate-error' }}
      />
    </div>
  );
}

function HashBadge({ version }: { version: AgreementVersion }) {
  const { t } = useI18n();
  return version.hashValid ? (
    <Tag color="success" icon={<SafetyCertificateFilled />} style={{ marginInlineEnd: 0 }} data-testid="hash-verified">
      {t('agreement.hashVerified')}
    </Tag>
  ) : (
    <Tag color="error" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }} data-testid="hash-invalid">
      {t('agreement.hashInvalid')}
    </Tag>
  );
}

function TermsView({ agreement: a, version: v }: { agreement: AgreementView; version: AgreementVersion }) {
  const { t } = useI18n();
  const terms = v.terms;
  const lines = termsProductLines(terms, a.productTitles);
  const num = (k: string) => (typeof terms[k] === 'number' ? (terms[k] as number) : null);
  const str = (k: string) => (typeof terms[k] === 'string' ? (terms[k] as string) : null);
  const obligations = new Set(Array.isArray(terms.obligations) ? (terms.obligations as string[]) : []);
  const share = num('streamerShareBp');
  return (
    <div data-testid="terms-view" data-version={v.version}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={lines}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('agreement.terms.product'), key: 'title', dataIndex: 'title' },
          {
            title: t('selection.plan.commission'),
            key: 'commission',
            width: 110,
            render: (_: unknown, l) => (
              <Typography.Text strong style={{ color: '#f4442e' }}>
                {l.commission}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" colon={false} styles={{ label: { width: 100 } }}>
        {a.mcnOrgId && share !== null ? (
          <Descriptions.Item label={t('agreement.terms.streamerShare')}>
            {t('agreement.terms.shareSplit', { streamer: formatBp(share), mcn: formatBp(10_000 - share) })}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('selection.plan.slotFee')}>{formatFen(num('slotFeeFen') ?? 0)}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.terms.period')}>
          {str('startsOn')} ~ {str('endsOn')}
        </Descriptions.Item>
        {str('note') ? <Descriptions.Item label={t('agreement.terms.note')}>{str('note')}</Descriptions.Item> : null}
      </Descriptions>
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
        {t('agreement.terms.obligations')}
      </Typography.Text>
      <div className="lh-obligations" data-testid="terms-obligations-view">
        {DEFAULT_OBLIGATIONS.map((o) => (
          <div key={o} className={obligations.has(o) ? 'lh-obligation-on' : 'lh-obligation-off'}>
            {obligations.has(o) ? <CheckCircleFilled /> : <ClockCircleOutlined />} {obligationLabel(t, o)}
          </div>
        ))}
      </div>
      <div className="lh-hash-line">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('agreement.contentHash')}
        </Typography.Text>
        <Tooltip title={v.contentHash}>
          <Typography.Text code copyable={{ text: v.contentHash }} data-testid="content-hash">
            {shortHash(v.contentHash)}
          </Typography.Text>
        </Tooltip>
        <HashBadge version={v} />
      </div>
    </div>
  );
}

function VersionsCard({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useI18n();
  return (
    <Card title={t('agreement.versions')} data-testid="agreement-versions">
      <Table<AgreementVersion>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={[...a.versions].sort((x, y) => y.version - x.version)}
        scroll={{ x: 560 }}
        onRow={(v) => ({ 'data-testid': 'version-row', 'data-version': v.version }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('agreement.col.version'),
            key: 'version',
            width: 130,
            render: (_: unknown, v) => (
              <Space size={4} wrap>
                <Typography.Text strong>{t('agreement.versionN', { n: v.version })}</Typography.Text>
                {v.version === a.inForceVersion ? (
                  <Tag color="success" style={{ marginInlineEnd: 0 }}>
                    {t('agreement.inForceTag')}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('agreement.contentHash'),
            key: 'hash',
            render: (_: unknown, v) => (
              <Space size={6} wrap>
                <Tooltip title={v.contentHash}>
                  <span className="lh-mono" style={{ fontSize: 12 }}>
                    {shortHash(v.contentHash)}
                  </span>
                </Tooltip>
                <HashBadge version={v} />
              </Space>
            ),
          },
          {
            title: t('agreement.acceptances'),
            key: 'acceptances',
            render: (_: unknown, v) => (
              <Space size={[4, 4]} wrap>
                {a.parties.map((p) => {
                  const x = v.acceptances.find((y) => y.party === p);
                  return (
                    <Tooltip key={p} title={x ? `${x.userLabel} · ${dayjs(x.at).format('YYYY-MM-DD HH:mm')}` : t('agreement.notYet')}>
                      <Tag
                        color={x ? 'success' : 'default'}
                        style={{ marginInlineEnd: 0 }}
                        data-testid="acceptance"
                        data-party={p}
                        data-accepted={String(!!x)}
                      >
                        {partyLabel(t, p)} {x ? '✓' : '…'}
                      </Tag>
                    </Tooltip>
                  );
                })}
              </Space>
            ),
          },
          { title: t('common.createdAt'), key: 'at', width: 140, render: (_: unknown, v) => dayjs(v.createdAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </Card>
  );
}

function PartiesCard({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useI18n();
  const current = a.versions.find((v) => v.version === a.currentVersion);
  const names: Record<string, string> = { merchant: a.merchantName, streamer: a.streamerName, mcn: a.mcnName ?? '' };
  return (
    <Card title={t('agreement.parties')} data-testid="agreement-parties">
      {a.parties.map((p) => {
        const x = current?.acceptances.find((y) => y.party === p);
        return (
          <div key={p} className="lh-party-row" data-testid="party-row" data-party={p} data-accepted={String(!!x)}>
            <Space size={6} wrap>
              <Tag style={{ marginInlineEnd: 0 }}>{partyLabel(t, p)}</Tag>
              {a.myParty === p ? (
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {t('agreement.me')}
                </Tag>
              ) : null}
              <Typography.Text strong>{names[p]}</Typography.Text>
            </Space>
            <div style={{ marginTop: 6, fontSize: 12 }}>
              {x ? (
                <Space size={8} wrap>
                  <Typography.Text type="success">
                    <CheckCircleFilled /> {t('agreement.acceptedVersion', { n: a.currentVersion })}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {x.userLabel} · {dayjs(x.at).format('MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="warning">
                  <ClockCircleOutlined /> {t('agreement.waiting')}
                </Typography.Text>
              )}
            </div>
          </div>
        );
      })}
    </Card>
  );
}
