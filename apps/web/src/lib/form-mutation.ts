/**
 * The create / edit modals' mutation: send the form's values, and on success say so, reset the form, hand the result
 * on (close the modal, show what was created) and refresh what it changed; on failure put a field error on its antd
 * field, or show the message when the error names no field of this form.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { type MessageKey, useI18n } from '../i18n/index.ts';
import { applyFieldError, errorMessage } from './form-errors.ts';

export interface FormMutationOptions<V, R> {
  form: FormInstance<V>;
  mutationFn: (values: V) => Promise<R>;
  /** the form's field names an error's `field` may point at */
  fields: readonly string[];
  /** the message shown on success */
  success?: MessageKey;
  /** after the success message and the form's reset: close the modal, show the result */
  onSuccess?: (result: R) => void;
  /** the queries the change makes stale, refreshed in this order */
  invalidate?: readonly QueryKey[];
}

export function useFormMutation<V, R>({ form, mutationFn, fields, success, onSuccess, invalidate = [] }: FormMutationOptions<V, R>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result: R) => {
      if (success) message.success(t(success));
      form.resetFields();
      onSuccess?.(result);
      for (const queryKey of invalidate) await queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => {
      if (!applyFieldError(form, error, fields)) message.error(errorMessage(error, t('common.networkError')));
    },
  });
}
