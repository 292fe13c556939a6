/** The back buttons: a labelled one to a fixed page in a page header, and the round one at the top of a full-screen view. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.ts';

export function BackButton({ to, testId, children }: { to: string; testId?: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(to)} {...(testId ? { 'data-testid': testId } : {})}>
      {children}
    </Button>
  );
}

/** Back where the visitor came from, or to `fallback` when this page was the first one opened. */
export function HistoryBackButton({ fallback, testId }: { fallback: string; testId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const back = () => {
    if (window.history.length > 1) navigate(-1);
    else navigate(fallback);
  };
  return (
    <Button type="text" shape="circle" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('common.back')} data-testid={testId} />
  );
}
