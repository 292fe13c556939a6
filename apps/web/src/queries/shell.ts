/** The shell's queries: the session (`me`, read by lib/session.ts) and the workbench summary. */
import { endpoints } from '../lib/endpoints.ts';
import { apiHook } from './query-options.ts';

export const shellKeys = {
  me: ['me'] as const,
  workbench: ['workbench'] as const,
};

export const useWorkbench = apiHook(shellKeys.workbench, endpoints.workbench);
