/** The role groups that several route files allow (a route's `policy.allow`). */
import { ROLES, type Role } from '@livehub/contracts';

/** A merchant's staff: their own products, plans and samples. */
export const MERCHANT = ['merchant_staff'] as const;
/** Who reads products: their merchant, and the platform's admins, reviewers and regulators. */
export const CATALOG_READERS = ['merchant_staff', 'platform_admin', 'reviewer', 'regulator'] as const;
/** Who manages an organization's members and invitations. */
export const ORG_MANAGERS = ['platform_admin', 'base_operator', 'mcn_manager', 'merchant_staff', 'provider_staff'] as const;
/** Everyone who acts through an organization (all but consumers). */
export const ORG_READERS: readonly Role[] = ROLES.filter((r) => r !== 'consumer');
