/**
 * What a client sends, as types: the request bodies as their schemas accept them (`z.input`: a field with a default
 * may be left out) and the list queries as their parsed values, every one optional (a client leaves out what it
 * does not narrow by). The web app types its calls with these instead of writing the shapes again.
 */
import type { z } from 'zod';
import type { auditQuerySchema } from './audit.ts';
import type {
  acceptAgreementSchema,
  brandAuthorizationSchema,
  createAgreementSchema,
  createBrandSchema,
  createPlanSchema,
  createProductSchema,
  productListQuerySchema,
  sampleActionSchema,
  sampleRequestSchema,
  selectionSearchQuerySchema,
  skuInputSchema,
  updateProductSchema,
} from './catalog.ts';
import type {
  addExemptionRequestSchema,
  reviewBatchDecisionResultSchema,
  reviewDecisionRequestSchema,
  reviewQueueQuerySchema,
  screenRequestSchema,
} from './compliance.ts';
import type { addMemberRequestSchema, createApiTokenRequestSchema, registerConsumerRequestSchema } from './identity.ts';
import type { scheduleSessionSchema } from './live.ts';
import type {
  createFlashSaleSchema,
  createOrderSchema,
  orderListQuerySchema,
  returnRequestSchema,
  saveAddressSchema,
  shipOrderSchema,
} from './orders.ts';
import type { applicationActionSchema } from './registry.ts';

// identity
export type RegisterConsumerRequest = z.input<typeof registerConsumerRequestSchema>;
export type AddMemberRequest = z.input<typeof addMemberRequestSchema>;
export type CreateApiTokenRequest = z.input<typeof createApiTokenRequestSchema>;
export type AuditQuery = Partial<z.output<typeof auditQuerySchema>>;

// compliance and review
export type ReviewQueueQuery = Partial<z.output<typeof reviewQueueQuerySchema>>;
export type ReviewDecisionRequest = z.input<typeof reviewDecisionRequestSchema>;
export type ReviewBatchDecisionResult = z.output<typeof reviewBatchDecisionResultSchema>;
export type AddExemptionRequest = z.input<typeof addExemptionRequestSchema>;
export type ScreenRequest = z.input<typeof screenRequestSchema>;

// registry
export type ApplicationActionRequest = z.input<typeof applicationActionSchema>;

// catalog and selection
export type SkuInput = z.input<typeof skuInputSchema>;
export type CreateProductRequest = z.input<typeof createProductSchema>;
export type UpdateProductRequest = z.input<typeof updateProductSchema>;
export type ProductListQuery = Partial<z.output<typeof productListQuerySchema>>;
export type CreateBrandRequest = z.input<typeof createBrandSchema>;
export type AddBrandAuthorizationRequest = z.input<typeof brandAuthorizationSchema>;
export type CreatePlanRequest = z.input<typeof createPlanSchema>;
export type SelectionSearchQuery = Partial<z.output<typeof selectionSearchQuerySchema>>;
export type SampleRequest = z.input<typeof sampleRequestSchema>;
export type SampleActionRequest = z.input<typeof sampleActionSchema>;
export type CreateAgreementRequest = z.input<typeof createAgreementSchema>;
export type AcceptAgreementRequest = z.input<typeof acceptAgreementSchema>;

// live and orders
export type ScheduleSessionRequest = z.input<typeof scheduleSessionSchema>;
export type SaveAddressRequest = z.input<typeof saveAddressSchema>;
export type CreateOrderRequest = z.input<typeof createOrderSchema>;
export type OrderListQuery = Partial<z.output<typeof orderListQuerySchema>>;
export type ShipmentRequest = z.input<typeof shipOrderSchema>;
export type ReturnRequest = z.input<typeof returnRequestSchema>;
export type CreateFlashSaleRequest = z.input<typeof createFlashSaleSchema>;
