CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"subject_org_id" uuid,
	"subject_user_id" uuid,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"evidence_document_ids" jsonb NOT NULL,
	"reporter_user_id" uuid,
	"contact_phone_enc" text,
	"tracking_code_hash" text,
	"status" text NOT NULL,
	"outcome" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"review_item_id" uuid,
	"filed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reports_tracking_uq" ON "reports" USING btree ("tracking_code_hash");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_user_id","filed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_subject_org_idx" ON "reports" USING btree ("subject_org_id","status");--> statement-breakpoint
CREATE INDEX "reports_subject_user_idx" ON "reports" USING btree ("subject_user_id","status");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status","filed_at" DESC NULLS LAST);