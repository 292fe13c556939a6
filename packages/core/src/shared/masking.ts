/** Masks for personal information in responses: enough to recognise, never enough to use. */

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 11010519491231002X → 110***********002X */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** Keeps the district-level prefix of an address: 上海市嘉定区安亭镇… → 上海市嘉定区****** */
export function maskAddress(address: string): string {
  const m = /^(.*[省市区县])/.exec(address.slice(0, 12));
  const keep = m?.[1] ?? address.slice(0, 3);
  return `${keep}${'*'.repeat(Math.max(4, Math.min(12, address.length - keep.length)))}`;
}

/** A person's name: 张三 → 张*, 欧阳娜娜 → 欧**娜, Alice → A***e. */
export function maskPersonName(name: string): string {
  const c = [...name.trim()];
  if (c.length <= 1) return '*';
  if (c.length === 2) return `${c[0]}*`;
  return `${c[0]}${'*'.repeat(c.length - 2)}${c[c.length - 1]}`;
}

/** An organization's name keeps its first two and last four characters: 上海某某贸易有限公司 → 上海****有限公司. */
export function maskOrgName(name: string): string {
  const c = [...name.trim()];
  if (c.length <= 6) return maskPersonName(name);
  return `${c.slice(0, 2).join('')}${'*'.repeat(Math.min(8, c.length - 6))}${c.slice(-4).join('')}`;
}
