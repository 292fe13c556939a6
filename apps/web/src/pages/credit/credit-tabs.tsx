/** The tab of 信用管理 and 信用监管 in the address (`?tab=cohorts`), so a link or a reload opens the same one. */
import { useSearchParams } from 'react-router';

export function useCreditTab(): { activeKey: string; onChange: (key: string) => void; destroyOnHidden: boolean } {
  const [params, setParams] = useSearchParams();
  return {
    activeKey: params.get('tab') ?? 'overview',
    onChange: (key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true }),
    // a tab's queries run when it is shown, and its forms start from what the server holds
    destroyOnHidden: true,
  };
}
