/**
 * The registry (主体备案): merchant, streamer, base, MCN and provider profiles, qualifications and training.
 */
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organizations, users } from './identity.ts';
import { documents } from './workflows.ts';

export const merchantProfiles = pgTable(
  'merchant_profiles',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    creditCode: text('credit_code').notNull(),
    legalName: text('legal_name').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    contactPhoneEnc: text('contact_phone_enc'),
    addressEnc: text('address_enc'),
    categories: text('categories').array().notNull(),
    depositFen: bigint('deposit_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['pending', 'admitted', 'suspended', 'revoked', 'rejected'] }).notNull(),
    statusReason: text('status_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('merchant_profiles_credit_code_uq').on(t.creditCode)],
);

export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey(),
    /** an organization's (merchant) or a streamer's (user) */
    ownerOrgId: uuid('owner_org_id'),
    ownerUserId: uuid('owner_user_id'),
    type: text('type').notNull(),
    number: text('number'),
    documentId: uuid('document_id').references(() => documents.id),
    issuedAt: ts('issued_at'),
    expiresAt: ts('expires_at'),
    status: text('status', { enum: ['valid', 'expiring', 'expired'] }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('qualifications_expiry_idx').on(t.expiresAt), index('qualifications_org_idx').on(t.ownerOrgId)],
);

export const streamerProfiles = pgTable(
  'streamer_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    realNameEnc: text('real_name_enc').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    birthYear: integer('birth_year').notNull(),
    mcnOrgId: uuid('mcn_org_id'),
    topics: text('topics').array().notNull(),
    marketerLevel: text('marketer_level'),
    virtual: text('virtual', { enum: ['no', 'yes'] }).notNull(),
    operatorUserId: uuid('operator_user_id'),
    virtualLabel: text('virtual_label'),
    status: text('status', { enum: ['pending', 'certified', 'suspended', 'expired', 'revoked', 'rejected'] }).notNull(),
    statusReason: text('status_reason'),
    certifiedUntil: ts('certified_until'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('streamer_profiles_id_number_uq').on(t.idNumberIndex)],
);

export const baseProfiles = pgTable('base_profiles', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  addressEnc: text('address_enc').notNull(),
  district: text('district').notNull(),
  areaM2: integer('area_m2').notNull(),
  operatorName: text('operator_name').notNull(),
  focus: text('focus'),
  level: text('level', { enum: ['municipal', 'district'] }),
  status: text('status', { enum: ['pending', 'certified', 'downgraded', 'revoked', 'rejected'] }).notNull(),
  certifiedUntil: ts('certified_until'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const trainingRecords = pgTable(
  'training_records',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    course: text('course').notNull(),
    hours: integer('hours').notNull(),
    completedAt: ts('completed_at').notNull(),
    documentId: uuid('document_id'),
  },
  (t) => [index('training_records_user_idx').on(t.userId)],
);

/** MCN agencies (MCN机构): who they are and which base hosts them. */
export const mcnProfiles = pgTable(
  'mcn_profiles',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    creditCode: text('credit_code').notNull(),
    legalName: text('legal_name').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    hostBaseOrgId: uuid('host_base_org_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('mcn_profiles_credit_code_uq').on(t.creditCode)],
);

/** Service providers (专业服务机构): supply chain, data and technology services to the live-commerce chain. */
export const providerProfiles = pgTable(
  'provider_profiles',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    creditCode: text('credit_code').notNull(),
    legalName: text('legal_name').notNull(),
    services: text('services').array().notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    hostBaseOrgId: uuid('host_base_org_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('provider_profiles_credit_code_uq').on(t.creditCode)],
);
