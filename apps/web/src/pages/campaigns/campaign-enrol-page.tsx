/**
 * 活动报名 (merchant staff, streamers, MCN managers): the campaigns open for enrolment with their rules; a merchant
 * enrols one of its approved products (with the card label the rules ask for), a streamer or an MCN manager one of
 * its scheduled sessions. A failing enrolment is refused at once with every reason; the list shows my enrolments.
 */
import type { CampaignView, EnrolmentView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import { campaignsApi, campaignsKeys, useMyEnrolments, useOpenCampaigns } from '../../queries/campaigns.ts';
import { useCategories, useProductPages } from '../../queries/catalog.ts';
import { useLiveSessions } from '../../queries/live.ts';
import { chinaTime, EnrolmentStatusTag, periodText, rulesText } from './campaign-labels.tsx';

export function CampaignEnrolPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const role = useMe().active?.role;
  const isMerchant = role === 'merchant_staff';
  const open = useOpenCampaigns();
  const mine = useMyEnrolments();
  const categories = useCategories();
  const products = useProductPages({ status: 'approved' }, { enabled: isMerchant });
  const sessions = useLiveSessions('mine', { enabled: !isMerchant });
  const [target, setTarget] = useState<CampaignView | null>(null);
  const [pick, setPick] = useState<string | undefined>();
  const [label, setLabel] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const categoryName = (id: string) => categories.data?.find((c) => c.id === id)?.nameZh ?? id;

  const enrol = useMutation({
    mutationFn: () =>
      isMerchant ? campaignsApi.enrolProduct(target?.id ?? '', pick ?? '', label) : campaignsApi.enrolSession(target?.id ?? '', pick ?? ''),
    onSuccess: async () => {
      message.success(t('campaignEnrol.submitted'));
      setTarget(null);
      await qc.invalidateQueries({ queryKey: campaignsKeys.all });
    },
    onError: (e) => setRefusal(errorMessage(e, t('campaignEnrol.submit'))),
  });

  const start = (c: CampaignView) => {
    setTarget(c);
    setPick(undefined);
    setLabel(c.rules.requiredLabel ?? '');
    setRefusal(null);
  };

  const columns: TableColumnsType<EnrolmentView> = [
    {
      title: t('campaignEnrol.campaign'),
      dataIndex: 'campaignId',
      render: (id: string) => open.data?.find((c) => c.id === id)?.name ?? '—',
    },
    { title: t('campaigns.kind'), dataIndex: 'kind', render: (k: EnrolmentView['kind']) => t(`campaigns.kind.${k}`) },
    { title: t('campaigns.subject'), dataIndex: 'subjectName' },
    { title: t('campaigns.cardLabel'), dataIndex: 'cardLabel', render: (l: string | null) => (l ? <Tag color="red">{l}</Tag> : null) },
    { title: t('campaigns.price'), dataIndex: 'priceFen', render: (f: number | null) => (f === null ? '—' : formatFen(f)) },
    { title: t('campaigns.status'), dataIndex: 'status', render: (s: EnrolmentView['status']) => <EnrolmentStatusTag status={s} t={t} /> },
    { title: t('campaigns.decisionReason'), dataIndex: 'decisionReason' },
  ];

  const options = isMerchant
    ? products.products.map((p) => ({ value: p.id, label: p.title }))
    : (sessions.data ?? [])
        .filter((s) => s.status === 'scheduled')
        .map((s) => ({ value: s.id, label: `${s.title}（${chinaTime(s.scheduledAt)}）` }));

  return (
    <>
      <PageHeader title={t('campaignEnrol.title')} subtitle={t('campaignEnrol.subtitle')} testId="campaign-enrol-title" />
      <Card title={t('campaignEnrol.open')} style={{ marginBottom: 16 }}>
        <List
          loading={open.isLoading}
          dataSource={open.data ?? []}
          locale={{ emptyText: <Empty description={t('campaignEnrol.none')} /> }}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="enrol" type="primary" onClick={() => start(c)} data-testid={`campaign-enrol-${c.name}`}>
                  {isMerchant ? t('campaignEnrol.enrolProduct') : t('campaignEnrol.enrolSession')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={c.name}
                description={
                  <Space direction="vertical" size={2}>
                    <span>
                      {t('campaignEnrol.organiser')}：{c.organiserName}　{periodText(c)}　{t('campaigns.deadline')}：
                      {chinaTime(c.enrolDeadline)}
                    </span>
                    <Space wrap>
                      {rulesText(c, t, categoryName).map((x) => (
                        <Tag key={x}>{x}</Tag>
                      ))}
                    </Space>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('campaignEnrol.mine')}>
        <Table rowKey="id" columns={columns} dataSource={mine.data ?? []} loading={mine.isLoading} pagination={{ pageSize: 20 }} />
      </Card>
      <Modal
        open={target !== null}
        title={`${target?.name ?? ''} · ${isMerchant ? t('campaignEnrol.enrolProduct') : t('campaignEnrol.enrolSession')}`}
        okText={t('campaignEnrol.submit')}
        okButtonProps={{ disabled: !pick, id: 'campaign-enrol-submit' }}
        confirmLoading={enrol.isPending}
        onOk={() => enrol.mutate()}
        onCancel={() => setTarget(null)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={isMerchant ? t('campaignEnrol.product') : t('campaignEnrol.session')}>
            <Select
              value={pick}
              onChange={(v) => {
                setPick(v);
                setRefusal(null);
              }}
              options={options}
              showSearch
              optionFilterProp="label"
              data-testid="campaign-enrol-pick"
            />
          </Form.Item>
          {isMerchant ? (
            <Form.Item label={t('campaigns.cardLabel')}>
              <Input value={label} maxLength={20} onChange={(e) => setLabel(e.target.value)} />
            </Form.Item>
          ) : null}
        </Form>
        {refusal ? <Alert type="error" showIcon message={refusal} data-testid="campaign-enrol-refusal" /> : null}
      </Modal>
    </>
  );
}
