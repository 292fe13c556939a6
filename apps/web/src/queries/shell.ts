/** The shell's queries: the session (`me`, read by lib/session.ts) and the workbench summary. */
import { endpoints } from '../lib/endpoints.ts';
import { type ApiQueryOptions, useApiQuery } from './query-options.ts';

export const shellKeys = {
  me: ['me'] as const,
  workbench: ['workbench'] as const,
};

export const useWorkbench = (options?: ApiQueryOptions<'workbench'>) => useApiQuery(shellKeys.workbench, endpoints.workbench, options);
