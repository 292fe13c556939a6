/** Pure parts of a product review's pre-checks: how severe a screening hit must be to block, qualification names. */

/** Screening hits this severe in fixed product copy reject the product outright. */
export const BLOCKING_SEVERITY = 3;

const QUALIFICATION_ZH: Record<string, string> = {
  food_licence: '食品经营许可证',
  health_food_registration: '保健食品注册证书或备案凭证',
  cosmetics_filing: '化妆品备案',
  medical_device_registration: '医疗器械注册证',
  drug_business_licence: '药品经营许可证',
  pesticide_licence: '农药经营许可证',
};

const QUALIFICATION_EN: Record<string, string> = {
  food_licence: 'food business licence',
  health_food_registration: 'health-food registration or filing',
  cosmetics_filing: 'cosmetics filing',
  medical_device_registration: 'medical-device registration',
  drug_business_licence: 'drug business licence',
  pesticide_licence: 'pesticide business licence',
};

/** A qualification's name in both languages (its key when it has none). */
export function qualificationName(q: string): { zh: string; en: string } {
  return { zh: QUALIFICATION_ZH[q] ?? q, en: QUALIFICATION_EN[q] ?? q };
}
