/** The validation rules many forms repeat, with their texts, so every form says 必填 and 长度 the same way. */
import type { FormRule } from 'antd';
import type { Translate } from '../i18n/index.ts';

/** A required text: blank or only spaces is refused with 必填. */
export function requiredTextRule(t: Translate): FormRule {
  return { required: true, whitespace: true, message: t('common.required') };
}

/** A length range, refused with 长度应为 min–max 个字. */
export function lengthRule(t: Translate, min: number, max: number): FormRule {
  return { min, max, message: t('registry.v.length', { min, max }) };
}

/** A required text of min to max characters. */
export function requiredLengthRules(t: Translate, min: number, max: number): FormRule[] {
  return [requiredTextRule(t), lengthRule(t, min, max)];
}
