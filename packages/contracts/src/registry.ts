/** Registry and approval-workflow contracts: registrations, documents, applications and their actions. */
import { z } from 'zod';
import { plainText } from './common.ts';

export const DOCUMENT_KINDS = [
  'business_licence',
  'food_licence',
  'cosmetics_filing',
  'medical_device_registration',
  'brand_authorization',
  'trademark_certificate',
  'health_food_registration',
  'drug_business_licence',
  'product_image',
  'id_card',
  'guardian_consent',
  'professional_licence',
  'likeness_consent',
  'training_certificate',
  'base_materials',
  'financial_statement',
  'social_security_record',
  'policy_materials',
  'other',
] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);

const docRef = z.strictObject({ id: z.uuid(), docType: documentKindSchema });

export const documentSchema = z.object({
  id: z.string(),
  docType: z.string(),
  fileType: z.enum(['pdf', 'jpeg', 'png']),
  size: z.number().int(),
  sha256: z.string(),
  filename: z.string(),
  expiresAt: z.string().nullable(),
  retainUntil: z.string(),
  createdAt: z.string(),
});

export const uploadQuerySchema = z.strictObject({
  docType: documentKindSchema,
  filename: plainText(1, 200),
  expiresAt: z.iso.date().optional(),
});

export const MERCHANT_CATEGORIES = [
  'food',
  'health_food',
  'cosmetics',
  'apparel',
  'electronics',
  'home',
  'baby',
  'agri',
  'handicraft',
  'other',
] as const;

export const registerMerchantSchema = z.strictObject({
  name: plainText(2, 100),
  creditCode: z.string().trim().min(1).max(40),
  legalRepresentative: plainText(2, 30),
  contactPhone: z.string().trim().min(1).max(20),
  address: plainText(4, 200),
  district: plainText(1, 50).optional(),
  categories: z.array(z.enum(MERCHANT_CATEGORIES)).min(1).max(10),
  depositFen: z.number().int({ error: 'integer fen' }).min(0).max(100_000_000_00),
  documents: z.array(docRef).max(30),
  qualifications: z
    .array(
      z.strictObject({
        type: z.enum(['food_licence', 'cosmetics_filing', 'medical_device_registration', 'brand_authorization']),
        number: plainText(1, 60).optional(),
        documentId: z.uuid(),
        expiresAt: z.iso.date().optional(),
      }),
    )
    .max(20)
    .optional(),
});

export const STREAMER_TOPICS = [
  'fashion',
  'beauty',
  'food',
  'agri',
  'home',
  'electronics',
  'culture',
  'medicine',
  'finance',
  'law',
  'education',
] as const;

export const registerStreamerSchema = z.strictObject({
  realName: plainText(2, 30),
  idNumber: z.string().trim().min(1).max(30),
  mcnOrgId: z.uuid().optional(),
  topics: z.array(z.enum(STREAMER_TOPICS)).min(1).max(10),
  marketerLevel: z.enum(['五级', '四级', '三级', '二级', '一级']).optional(),
  virtual: z
    .strictObject({
      operatorUserId: z.uuid(),
      label: plainText(2, 40),
      likenessConsentDocId: z.uuid(),
    })
    .optional(),
  documents: z.array(docRef).max(30),
});

export const registerBaseSchema = z.strictObject({
  name: plainText(2, 100),
  address: plainText(4, 200),
  district: plainText(1, 50),
  areaM2: z.number().int().min(100, { error: 'at least 100 m²' }).max(10_000_000),
  operatorName: plainText(2, 60),
  focus: plainText(1, 100).optional(),
  documents: z.array(docRef).max(30),
});

export const applicationActionSchema = z.strictObject({
  action: z.string().regex(/^[a-z_]{2,40}$/),
  reason: plainText(1, 1000).optional(),
  attachments: z.array(z.uuid()).max(20).optional(),
  expectVersion: z.number().int().min(1).optional(),
});

export const objectionSchema = z.strictObject({ text: plainText(5, 1000) });

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const applicationViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindTitle: bilingual,
  subjectType: z.string(),
  subjectId: z.string(),
  subjectName: z.string().nullable(),
  applicantUserId: z.string(),
  step: z.string(),
  stepTitle: bilingual,
  stepType: z.string(),
  status: z.string(),
  version: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  path: z.array(z.object({ id: z.string(), title: bilingual, type: z.string() })),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actorLabel: z.string(),
      department: z.string().nullable(),
      action: z.string(),
      fromStep: z.string(),
      toStep: z.string(),
      reason: z.string().nullable(),
      attachments: z.array(z.string()),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  jointReview: z
    .object({
      departments: z.array(
        z.object({
          code: z.string(),
          decision: z.enum(['approve', 'reject']).nullable(),
          at: z.string().nullable(),
          reason: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  objections: z.array(
    z.object({ id: z.string(), text: z.string(), status: z.string(), resolution: z.string().nullable(), createdAt: z.string() }),
  ),
  documents: z.array(documentSchema),
  actions: z.array(z.object({ action: z.string(), kind: z.string(), label: bilingual, requiresReason: z.boolean() })),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

export const applicationListQuerySchema = z.strictObject({
  scope: z.enum(['mine', 'queue', 'all']).default('mine'),
  kind: z
    .enum([
      'merchant_admission',
      'streamer_certification',
      'base_certification',
      'product_review',
      'credit_appeal',
      'policy_application',
      'talent_policy_application',
    ])
    .optional(),
});

export const gateSchema = z.object({ allowed: z.boolean(), reasons: z.array(z.string()) });

const mobile = z.string().trim().min(1).max(20);

export const registerMcnSchema = z.strictObject({
  name: plainText(2, 100),
  creditCode: z.string().trim().min(1).max(40),
  legalRepresentative: plainText(2, 30),
  contactPhone: mobile,
  hostBaseOrgId: z.uuid().optional(),
});

export const PROVIDER_SERVICES = ['supply_chain', 'data', 'technology', 'content', 'training'] as const;

export const registerProviderSchema = z.strictObject({
  name: plainText(2, 100),
  creditCode: z.string().trim().min(1).max(40),
  services: z.array(z.enum(PROVIDER_SERVICES)).min(1).max(PROVIDER_SERVICES.length),
  contactPhone: mobile,
  hostBaseOrgId: z.uuid().optional(),
});

export const trainingSchema = z.strictObject({
  userId: z.uuid(),
  course: plainText(2, 100),
  hours: z.number().int().min(1).max(1000),
  completedAt: z.iso.date(),
  documentId: z.uuid().optional(),
});

export const talentSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  marketerLevel: z.string().nullable(),
  streamerStatus: z.string().nullable(),
  training: z.array(z.object({ id: z.string(), course: z.string(), hours: z.number().int(), completedAt: z.string() })),
  totalHours: z.number().int(),
});
