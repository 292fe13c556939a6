/** Registry and workflow API errors as clear messages; the server's localized message is used when it has one. */
import type { Translate } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/form-errors.ts';

export function registryErrorMessage(t: Translate, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'workflow.stale') return t('registry.error.stale');
    if (error.code === 'workflow.action_not_allowed') return t('registry.error.notAllowed');
    if (error.status === 413 || error.code === 'document.too_large') return t('registry.upload.tooLarge');
  }
  return errorMessage(error, t('common.networkError'));
}

/** Errors after which the page should reload the application (it changed, or the action is no longer ours). */
export function isStaleError(error: unknown): boolean {
  return isApiError(error) && (error.code === 'workflow.stale' || error.code === 'workflow.action_not_allowed' || error.status === 409);
}
