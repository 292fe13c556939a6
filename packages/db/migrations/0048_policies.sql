CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"issuer_department" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"basis" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"benefit" jsonb NOT NULL,
	"apply_from" timestamp with time zone,
	"apply_until" timestamp with time zone,
	"documents" jsonb NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"policy_id" uuid NOT NULL,
	"workflow_application_id" uuid NOT NULL,
	"applicant_user_id" uuid NOT NULL,
	"applicant_org_id" uuid,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"status" text NOT NULL,
	"facts" jsonb NOT NULL,
	"declared" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"requested_fen" bigint,
	"granted_fen" bigint,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policies_issuer_idx" ON "policies" USING btree ("issuer_org_id","created_at");--> statement-breakpoint
CREATE INDEX "policies_status_idx" ON "policies" USING btree ("status","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_applications_workflow_uq" ON "policy_applications" USING btree ("workflow_application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_applications_open_uq" ON "policy_applications" USING btree ("policy_id","subject_id") WHERE status in ('in_review', 'returned');--> statement-breakpoint
CREATE INDEX "policy_applications_subject_idx" ON "policy_applications" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "policy_applications_policy_idx" ON "policy_applications" USING btree ("policy_id","created_at");