/**
 * 信用管理 (`/credit/admin`, platform admins and reviewers), in tabs: 信用概览 — the distribution and tier moves as
 * charts, the parties by tier with each one's explanation, the model in force; 执法模式设置; 监管沙盒; 线索. Platform
 * admins also record credit events by hand, run a full recompute (its result is shown), save the settings and run
 * the sandbox cohorts; reviewers read it all.
 */
import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import type { CreditRecomputeResult, CreditSummary } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { creditApi, creditKeys } from '../../queries/credit.ts';
import { CreditRecordModal } from './credit-record-modal.tsx';
import { CreditTabs } from './credit-tabs.tsx';

export function CreditAdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = me.role === 'platform_admin';
  const [recording, setRecording] = useState<{ partyId: string; partyName: string } | null | undefined>(undefined);
  const [result, setResult] = useState<CreditRecomputeResult | null>(null);
  const recompute = useMutation({
    mutationFn: creditApi.recompute,
    onSuccess: async (r) => {
      setResult(r);
      await queryClient.invalidateQueries({ queryKey: creditKeys.all });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const rowActions = canWrite
    ? (p: CreditSummary) => (
        <Button size="small" onClick={() => setRecording({ partyId: p.partyId, partyName: p.partyName })} data-testid="credit-party-record">
          {t('credit.list.record')}
        </Button>
      )
    : undefined;
  return (
    <div>
      <PageHeader
        title={t('credit.admin.title')}
        subtitle={t('credit.admin.subtitle')}
        testId="credit-title"
        extra={
          canWrite ? (
            <Space>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(null)} data-testid="credit-record-open">
                {t('credit.record')}
              </Button>
              <Popconfirm
                title={t('credit.recompute.confirm')}
                onConfirm={() => recompute.mutate()}
                okButtonProps={{ 'data-testid': 'credit-recompute-ok' } as ButtonProps}
              >
                <Button icon={<SyncOutlined />} loading={recompute.isPending} data-testid="credit-recompute">
                  {t('credit.recompute')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      />
      <CreditTabs
        canWrite={canWrite}
        rowActions={rowActions}
        notice={
          result ? (
            <Alert
              type="success"
              showIcon
              closable={{ onClose: () => setResult(null) }}
              data-testid="credit-recompute-result"
              title={t('credit.recompute.result', {
                parties: result.parties,
                events: result.events,
                changes: result.tierChanges,
                ms: result.ms,
                version: result.modelVersion,
              })}
            />
          ) : null
        }
      />
      {canWrite ? (
        <CreditRecordModal open={recording !== undefined} preset={recording ?? null} onClose={() => setRecording(undefined)} />
      ) : null}
    </div>
  );
}
