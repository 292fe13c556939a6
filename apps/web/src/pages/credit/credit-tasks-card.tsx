/**
 * 培训任务: the training tasks a waived first offence (首违不罚) brought — what to learn, how many hours, by when —
 * with 完成 for an open one; completing it records the training and the score moves at once. Not shown to a party
 * that has none.
 */
import { CheckCircleOutlined, ReadOutlined } from '@ant-design/icons';
import type { CreditTrainingTaskView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { IconTitle } from '../../components/icon-title.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { bi } from '../../lib/labels.ts';
import { creditApi, creditKeys, useCreditTasks } from '../../queries/credit.ts';
import { formatDay } from './credit-labels.tsx';

function TaskStatus({ task }: { task: CreditTrainingTaskView }) {
  const { t } = useI18n();
  if (task.status === 'completed') return <Tag color="success">{t('credit.task.completed')}</Tag>;
  const overdue = dayjs(task.dueAt).isBefore(dayjs());
  return <Tag color={overdue ? 'error' : 'processing'}>{t(overdue ? 'credit.task.overdue' : 'credit.task.open')}</Tag>;
}

export function CreditTasksCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tasks = useCreditTasks();
  const complete = useMutation({
    mutationFn: creditApi.completeTask,
    onSuccess: async () => {
      message.success(t('credit.task.done'));
      await queryClient.invalidateQueries({ queryKey: creditKeys.all });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const items = [...(tasks.data?.items ?? [])].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
  const open = items.filter((x) => x.status === 'open').length;
  // a party that never had a first offence waived has nothing to learn here
  if (tasks.data && items.length === 0) return null;
  return (
    <Card
      title={<IconTitle icon={<ReadOutlined />}>{t('credit.tasks')}</IconTitle>}
      extra={open > 0 ? <Tag color="processing">{t('credit.tasks.open', { n: open })}</Tag> : null}
      data-testid="credit-tasks"
    >
      {tasks.error ? (
        <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <List<CreditTrainingTaskView>
          size="small"
          loading={tasks.isPending}
          dataSource={items}
          locale={{ emptyText: t('credit.tasks.empty') }}
          renderItem={(task) => (
            <List.Item
              data-testid="credit-task"
              actions={
                task.status === 'open'
                  ? [
                      <Popconfirm
                        key="complete"
                        title={t('credit.task.confirm', { hours: task.hours })}
                        onConfirm={() => complete.mutate(task.id)}
                        okButtonProps={{ 'data-testid': 'credit-task-complete-ok' } as ButtonProps}
                      >
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckCircleOutlined />}
                          loading={complete.isPending && complete.variables === task.id}
                          data-testid="credit-task-complete"
                        >
                          {t('credit.task.complete')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0}>
                <Space size={6} wrap>
                  <Typography.Text strong>{bi(locale, task.title)}</Typography.Text>
                  <TaskStatus task={task} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {task.completedAt
                    ? t('credit.task.completedAt', { hours: task.hours, date: formatDay(task.completedAt) })
                    : t('credit.task.due', { hours: task.hours, date: formatDay(task.dueAt) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
