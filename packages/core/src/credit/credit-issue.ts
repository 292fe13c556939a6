/**
 * The engine's and the modes' validation problems (`{ path, code }`) in words, for the bilingual error message: the
 * field stays the path, the message says what is wrong with it in the caller's language.
 */
import type { Bilingual } from '@livehub/credit';

const WORDS: Record<string, Bilingual> = {
  out_of_range: { zh: '超出允许范围', en: 'out of range' },
  missing: { zh: '缺少必填项', en: 'missing' },
  missing_text: { zh: '缺少中文或英文说明', en: 'missing text' },
  duplicate: { zh: '重复', en: 'duplicate' },
  unknown_kind: { zh: '未知的事件类型', en: 'unknown event kind' },
  unknown_category: { zh: '未知的违规类别', en: 'unknown rule category' },
  unknown_dimension: { zh: '未知的维度', en: 'unknown dimension' },
  unknown_party_kind: { zh: '未知的主体类型', en: 'unknown party kind' },
  unknown_tier: { zh: '未知的信用等级', en: 'unknown tier' },
  unknown_trigger: { zh: '未知的触发条件', en: 'unknown trigger' },
  unknown_unit: { zh: '未知的计分单位', en: 'unknown unit' },
  invalid_weight: { zh: '权重无效', en: 'invalid weight' },
  weights_not_10000: { zh: '各维度权重之和须为 10000（100%）', en: 'weights must sum to 10,000 (100 %)' },
  not_descending: { zh: '须从高到低排列', en: 'must descend' },
  not_ascending: { zh: '须从低到高排列', en: 'must ascend' },
  lowest_not_zero: { zh: '最低一档须从 0 分起', en: 'the lowest band must start at 0' },
  not_positive: { zh: '须大于 0', en: 'must be greater than 0' },
  not_deduction: { zh: '须为扣分（负数）', en: 'must be a deduction (negative)' },
  decay_on_positive: { zh: '加分项不衰减', en: 'restorations do not decay' },
  cap_on_negative: { zh: '扣分项不设加分上限', en: 'deductions take no cap' },
  version_not_logged: { zh: '当前版本未写入变更记录', en: 'the version is not in the changelog' },
  not_number: { zh: '须为数字', en: 'must be a number' },
  not_boolean: { zh: '须为是或否', en: 'must be true or false' },
  not_id: { zh: '须为标识', en: 'must be an id' },
  not_object: { zh: '格式无效', en: 'must be an object' },
  not_date: { zh: '须为日期时间', en: 'must be a date' },
  not_iso_date: { zh: '须为 YYYY-MM-DD 日期', en: 'must be a YYYY-MM-DD date' },
  not_after_start: { zh: '结束须晚于开始', en: 'must end after it starts' },
};

/** `path: what is wrong`, in both languages (the error message picks the caller's). */
export function issueText(path: string, code: string): Bilingual {
  const w = WORDS[code] ?? { zh: code, en: code.replace(/_/g, ' ') };
  return { zh: `${path}：${w.zh}`, en: `${path}: ${w.en}` };
}
