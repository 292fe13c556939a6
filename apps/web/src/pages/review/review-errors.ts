/** Review API errors as clear messages (409s: another reviewer claimed the item, it was already decided). */
import type { Translate } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/form-errors.ts';

export function reviewErrorMessage(t: Translate, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'review.claimed_by_other') return t('review.error.claimedByOther');
    if (error.code === 'review.already_decided') return t('review.error.alreadyDecided');
    if (error.code === 'review.not_found' || error.status === 404) return t('review.error.notFound');
  }
  return errorMessage(error, t('common.networkError'));
}
