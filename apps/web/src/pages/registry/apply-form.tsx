/**
 * The form part every application page shares: submitting with API field errors mapped onto their fields, the
 * form-level error, the submit footer, and (for the organization registrations) the "registered" result.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, type FormInstance, type FormProps, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { OrgRegistered } from '../../lib/api-types.ts';
import { applyFieldError } from '../../lib/form-errors.ts';
import { lengthRule, requiredTextRule } from '../../lib/form-rules.ts';
import { shellKeys } from '../../queries/shell.ts';
import { OrgRegisteredResult, registrationErrorMessage } from './org-register-fields.tsx';

/** The validation rules the application forms repeat: a required text and a length range. */
export function useApplyRules() {
  const { t } = useI18n();
  return {
    required: requiredTextRule(t),
    length: (min: number, max: number) => lengthRule(t, min, max),
  };
}

/** Whether an API error names an uploaded document (shown on the form, not on a field). */
export function isDocumentError(error: unknown): boolean {
  return isApiError(error) && error.field?.startsWith('documents') === true;
}

export interface ApplySubmission<TValues> {
  form: FormInstance<TValues>;
  formError: string | null;
  setFormError: (message: string | null) => void;
  submit: (values: TValues) => void;
  pending: boolean;
}

/**
 * Submit a form through `mutationFn`: an API error with a known `field` is shown on that field; otherwise (and
 * always, with `alsoFormMessage`) the form shows `errorMessage` above the submit button.
 */
export function useSubmitWithFieldErrors<TValues, TResult>({
  form,
  fields,
  mutationFn,
  onSuccess,
  errorMessage,
  isFormLevel,
  alsoFormMessage = false,
}: {
  form: FormInstance<TValues>;
  fields: readonly string[];
  mutationFn: (values: TValues) => Promise<TResult>;
  onSuccess: (result: TResult) => Promise<void>;
  errorMessage: (t: Translate, error: unknown) => string;
  /** errors never mapped onto a field */
  isFormLevel?: (error: unknown) => boolean;
  /** show the form-level message even when the error went onto a field */
  alsoFormMessage?: boolean;
}): ApplySubmission<TValues> {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn,
    onMutate: () => setFormError(null),
    onSuccess,
    onError: (error) => {
      const onField = !isFormLevel?.(error) && applyFieldError(form, error, fields);
      if (onField && !alsoFormMessage) return;
      setFormError(errorMessage(t, error));
    },
  });
  return { form, formError, setFormError, submit: (values) => mutation.mutate(values), pending: mutation.isPending };
}

/** The application form: fields, the form-level error, and the submit button (with the upload hint, if any). */
export function ApplyForm<TValues>({
  submission,
  testId,
  initialValues,
  submitLabel,
  hint,
  children,
}: {
  submission: ApplySubmission<TValues>;
  testId: string;
  initialValues?: FormProps<TValues>['initialValues'];
  submitLabel: string;
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { form, formError, setFormError, submit, pending } = submission;
  const button = (
    <Button type="primary" htmlType="submit" size="large" loading={pending} data-testid="apply-submit">
      {submitLabel}
    </Button>
  );
  return (
    <Form<TValues>
      form={form}
      layout="vertical"
      data-testid={testId}
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={() => setFormError(t('registry.apply.fixErrors'))}
      onValuesChange={() => setFormError(null)}
      scrollToFirstError
    >
      {children}

      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="apply-error" /> : null}
      {hint === undefined ? (
        button
      ) : (
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          {button}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        </div>
      )}
    </Form>
  );
}

export interface OrgRegistration<TValues> extends ApplySubmission<TValues> {
  /** the new organization's id once registered */
  registered: string | null;
  /** back to an empty form */
  another: () => void;
}

/** An organization registration (MCN, service provider): on success the caller's new membership shows in the org switcher. */
export function useOrgRegistration<TValues>({
  form,
  fields,
  mutationFn,
}: {
  form: FormInstance<TValues>;
  fields: readonly string[];
  mutationFn: (values: TValues) => Promise<OrgRegistered>;
}): OrgRegistration<TValues> {
  const [registered, setRegistered] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const submission = useSubmitWithFieldErrors({
    form,
    fields,
    mutationFn,
    onSuccess: async (created) => {
      setRegistered(created.orgId);
      // the new membership shows in the org switcher
      await queryClient.invalidateQueries({ queryKey: shellKeys.me });
    },
    errorMessage: registrationErrorMessage,
    alsoFormMessage: true,
  });
  return {
    ...submission,
    registered,
    another: () => {
      form.resetFields();
      setRegistered(null);
    },
  };
}

/** The registration form, or the "registered" result once it went through. */
export function OrgRegisterForm<TValues>({
  registration,
  description,
  testId,
  initialValues,
  children,
}: {
  registration: OrgRegistration<TValues>;
  description: string;
  testId: string;
  initialValues?: FormProps<TValues>['initialValues'];
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (registration.registered) {
    return <OrgRegisteredResult orgId={registration.registered} description={description} onAnother={registration.another} />;
  }
  return (
    <ApplyForm<TValues> submission={registration} testId={testId} initialValues={initialValues} submitLabel={t('registry.apply.register')}>
      {children}
    </ApplyForm>
  );
}
