/**
 * Who may read an uploaded document. Organizational papers (business licence, food licence, trademark…) belong to
 * the organization that filed them; personal papers (ID card, a person's licence, a guardian's consent, a likeness
 * consent) belong to the person alone — never to the MCN or colleagues they share an organization with. Reviewers,
 * regulators and the platform read both: they decide on them. Pure: no I/O.
 */
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { chinaDay } from '../shared/china-time.ts';

export const PERSONAL_DOCUMENT_KINDS: ReadonlySet<string> = new Set([
  'id_card',
  'guardian_consent',
  'professional_licence',
  'likeness_consent',
  'training_certificate',
]);

export function isPersonalDocument(docType: string): boolean {
  return PERSONAL_DOCUMENT_KINDS.has(docType);
}

export interface DocumentOwnership {
  docType: string;
  ownerUserId: string | null;
  ownerOrgId: string | null;
  uploadedBy: string | null;
}

/** Roles that act for an organization's papers; a streamer or consumer in the same organization does not. */
const ORG_PAPER_ROLES: ReadonlySet<Actor['role']> = new Set(['merchant_staff', 'mcn_manager', 'base_operator', 'provider_staff']);

export function mayReadDocument(actor: Actor, doc: DocumentOwnership): boolean {
  if (isCrossTenant(actor)) return true;
  if (actor.userId !== null && (doc.ownerUserId === actor.userId || doc.uploadedBy === actor.userId)) return true;
  if (isPersonalDocument(doc.docType)) return false;
  return doc.ownerOrgId !== null && doc.ownerOrgId === actor.orgId && ORG_PAPER_ROLES.has(actor.role);
}

/** The latest expiry date taken as real; a licence valid for longer is 长期有效 and is filed without one. */
export const LATEST_EXPIRY = new Date('2099-12-31T15:59:59Z');

/** Why an expiry date cannot be right for a document filed now: already past, or beyond any real licence. */
export function expiryProblem(expiresAt: Date, now: Date): 'document.expired' | 'document.expiry_invalid' | null {
  if (Number.isNaN(expiresAt.getTime()) || expiresAt > LATEST_EXPIRY) return 'document.expiry_invalid';
  if (expiresAt <= now) return 'document.expired';
  return null;
}

/** A date as people in China read it (UTC+8), for messages. */
export function chinaDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '—' : chinaDay(d);
}
