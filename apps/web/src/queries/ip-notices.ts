/**
 * 知识产权保护: query keys, the typed calls and the hooks — the notices the caller sees (filtered by state and side),
 * one notice, the protected marks, and the steps (通知, 反通知, 投诉/起诉, 撤回, 通知错误). Writes invalidate through
 * `ipNoticeKeys`.
 */
import type { IpActionReport, IpCounterNotice, IpNoticeCreate, IpNoticeStatus, IpNoticeView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHookBy } from './query-options.ts';

export interface IpNoticeFilter {
  status: IpNoticeStatus | null;
  side: 'holder' | 'merchant' | null;
}

export const ipNoticeKeys = {
  all: ['ip-notices'] as const,
  list: (f: IpNoticeFilter) => ['ip-notices', 'list', f.status, f.side] as const,
  protectedBrands: ['ip-notices', 'brands'] as const,
};

const query = (f: IpNoticeFilter) => {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.side) q.set('side', f.side);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const useIpNotices = apiHookBy(ipNoticeKeys.list, (f: IpNoticeFilter) =>
  api.get<{ items: IpNoticeView[] }>(`/ip-notices${query(f)}`).then((r) => r.items),
);

export type IpNoticeStep =
  | { kind: 'file'; body: IpNoticeCreate }
  | { kind: 'counter'; id: string; body: IpCounterNotice }
  | { kind: 'report_action'; id: string; body: IpActionReport }
  | { kind: 'withdraw'; id: string; reason: string }
  | { kind: 'find_wrong'; id: string; reason: string };

/** One step of a notice; the notices refresh. */
export function useIpNoticeStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: IpNoticeStep): Promise<IpNoticeView> => {
      switch (s.kind) {
        case 'file':
          return api.post<IpNoticeView>('/ip-notices', s.body);
        case 'counter':
          return api.post<IpNoticeView>(`/ip-notices/${s.id}/counter`, s.body);
        case 'report_action':
          return api.post<IpNoticeView>(`/ip-notices/${s.id}/action`, s.body);
        case 'withdraw':
          return api.post<IpNoticeView>(`/ip-notices/${s.id}/withdraw`, { reason: s.reason });
        case 'find_wrong':
          return api.post<IpNoticeView>(`/ip-notices/${s.id}/find-wrong`, { reason: s.reason });
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ipNoticeKeys.all }),
  });
}
