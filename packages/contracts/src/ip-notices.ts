/**
 * 知识产权保护 (电子商务法 Art. 42–45, 通知—删除—反通知): a rights holder's infringement notice against a product,
 * the merchant's counter-notice, the holder's report of a complaint or lawsuit, and the views of the parties and the
 * intellectual-property office (docs/supervision.md "知识产权保护").
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { idSchema } from './identity.ts';

export const IP_NOTICE_STATUSES = ['taken_down', 'countered', 'action_filed', 'restored', 'withdrawn', 'found_wrong'] as const;
export type IpNoticeStatus = (typeof IP_NOTICE_STATUSES)[number];
/** who takes a step: the rights holder (or the IP office on its behalf), the merchant, the office, the sweep */
export const IP_NOTICE_ROLES = ['holder', 'merchant', 'office', 'system'] as const;
export type IpNoticeRole = (typeof IP_NOTICE_ROLES)[number];
/** what the holder reports it did within the 15 days (Art. 43): a complaint to the authority or a lawsuit */
export const IP_ACTION_KINDS = ['complaint', 'lawsuit'] as const;
export type IpActionKind = (typeof IP_ACTION_KINDS)[number];

/** 侵权通知: the protected brand, the infringing product, a statement and the preliminary evidence (at least one). */
export const ipNoticeCreateSchema = z.strictObject({
  brandId: idSchema,
  productId: idSchema,
  statement: plainText(10, 4000),
  /** documents the filer uploaded (POST /api/documents): the preliminary evidence of infringement */
  evidenceDocumentIds: z.array(idSchema).min(1, { error: 'at least one piece of evidence' }).max(10),
});
export type IpNoticeCreate = z.infer<typeof ipNoticeCreateSchema>;

/** 反通知 (Art. 43): the merchant's statement of non-infringement with its evidence (e.g. a brand authorization). */
export const ipCounterNoticeSchema = z.strictObject({
  statement: plainText(10, 4000),
  evidenceDocumentIds: z.array(idSchema).min(1, { error: 'at least one piece of evidence' }).max(10),
});
export type IpCounterNotice = z.infer<typeof ipCounterNoticeSchema>;

/** The holder reports the complaint it made to the authority or the lawsuit it filed (with the filing receipt). */
export const ipActionReportSchema = z.strictObject({
  kind: z.enum(IP_ACTION_KINDS),
  /** the authority or court, and its case or acceptance number */
  reference: plainText(2, 200),
  evidenceDocumentIds: z.array(idSchema).min(1, { error: 'at least one piece of evidence' }).max(10),
});
export type IpActionReport = z.infer<typeof ipActionReportSchema>;

export const ipNoticeReasonSchema = z.strictObject({ reason: plainText(2, 1000) });
export type IpNoticeReason = z.infer<typeof ipNoticeReasonSchema>;

export const ipNoticeListQuerySchema = z.strictObject({
  status: z.enum(IP_NOTICE_STATUSES).optional(),
  brandId: idSchema.optional(),
  /** the caller's side when it is a merchant: notices it filed as holder, or notices against its products */
  side: z.enum(['holder', 'merchant']).optional(),
});
export type IpNoticeListQuery = z.infer<typeof ipNoticeListQuerySchema>;

export const ipNoticeEntrySchema = z.object({
  at: z.string(),
  role: z.enum(IP_NOTICE_ROLES),
  action: z.string(),
  fromStatus: z.enum(IP_NOTICE_STATUSES).nullable(),
  toStatus: z.enum(IP_NOTICE_STATUSES),
  note: z.string().nullable(),
});

export const ipNoticeViewSchema = z.object({
  id: z.string(),
  noticeNo: z.string(),
  status: z.enum(IP_NOTICE_STATUSES),
  brandId: z.string(),
  brandName: z.string(),
  trademarkNo: z.string().nullable(),
  productId: z.string(),
  productName: z.string(),
  merchantOrgId: z.string(),
  merchantName: z.string(),
  holderOrgId: z.string().nullable(),
  holderName: z.string(),
  filedByRole: z.enum(['holder', 'office']),
  statement: z.string(),
  evidenceDocumentIds: z.array(z.string()),
  takenDown: z.boolean(),
  counterStatement: z.string().nullable(),
  counterEvidenceDocumentIds: z.array(z.string()),
  counterForwardedAt: z.string().nullable(),
  /** the end of the 15 days (Art. 43) while the counter-notice waits for the holder; null otherwise */
  actionDueAt: z.string().nullable(),
  /** whole days left until `actionDueAt` (0 on its last day); null without a deadline */
  daysLeft: z.number().nullable(),
  actionKind: z.enum(IP_ACTION_KINDS).nullable(),
  actionReference: z.string().nullable(),
  closingReason: z.string().nullable(),
  filedAt: z.string(),
  updatedAt: z.string(),
  /** the steps the caller may take now */
  actions: z.array(z.string()),
  entries: z.array(ipNoticeEntrySchema),
});
export type IpNoticeView = z.infer<typeof ipNoticeViewSchema>;
