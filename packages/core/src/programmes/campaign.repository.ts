/**
 * The port of campaigns and their enrolments (活动与节庆). Writes run in the caller's transaction. A product or a
 * session enrols once per campaign (unique): `insertEnrolment` fails with AppError `campaigns.already_enrolled`.
 */
import type { CampaignListing, CampaignRecord, CampaignStatus, EnrolmentRecord, EnrolmentStatus } from './campaign.types.ts';

export interface CampaignRepository {
  insertCampaign(c: CampaignRecord): Promise<void>;
  updateCampaign(id: string, patch: Partial<Omit<CampaignRecord, 'id' | 'organiserOrgId' | 'createdBy' | 'createdAt'>>): Promise<void>;
  findCampaign(id: string, opts?: { lock?: boolean }): Promise<CampaignListing | null>;
  /** newest start first, narrowed by organiser and statuses */
  listCampaigns(opts: {
    organiserOrgId?: string | undefined;
    statuses?: readonly CampaignStatus[] | undefined;
    limit: number;
  }): Promise<CampaignListing[]>;

  insertEnrolment(e: EnrolmentRecord): Promise<void>;
  findEnrolment(id: string): Promise<EnrolmentRecord | null>;
  decideEnrolment(
    id: string,
    patch: Pick<EnrolmentRecord, 'status' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'updatedAt'>,
  ): Promise<boolean>;
  /** a campaign's enrolments (oldest first), or a party's (newest first) */
  listEnrolments(opts: {
    campaignId?: string | undefined;
    partyIds?: string[] | undefined;
    statuses?: readonly EnrolmentStatus[] | undefined;
    limit: number;
  }): Promise<EnrolmentRecord[]>;
  /** the campaigns (published or running) a session is approved in */
  campaignsOfSession(sessionId: string): Promise<CampaignListing[]>;
}
