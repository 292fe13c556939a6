CREATE TABLE "ip_notice_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"role" text NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "ip_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"notice_no" text NOT NULL,
	"status" text NOT NULL,
	"status_since" timestamp with time zone NOT NULL,
	"brand_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"holder_org_id" uuid,
	"filed_by_role" text NOT NULL,
	"filed_by_org_id" uuid NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"evidence_document_ids" jsonb NOT NULL,
	"taken_down" boolean NOT NULL,
	"counter_statement" text,
	"counter_evidence_document_ids" jsonb NOT NULL,
	"counter_forwarded_at" timestamp with time zone,
	"action_due_at" timestamp with time zone,
	"action_kind" text,
	"action_reference" text,
	"action_evidence_document_ids" jsonb NOT NULL,
	"closing_reason" text,
	"filed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ip_notice_entries" ADD CONSTRAINT "ip_notice_entries_notice_id_ip_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."ip_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_notice_entries_notice_idx" ON "ip_notice_entries" USING btree ("notice_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_notices_no_uq" ON "ip_notices" USING btree ("notice_no");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_notices_open_uq" ON "ip_notices" USING btree ("product_id","brand_id") WHERE "ip_notices"."status" in ('taken_down', 'countered', 'action_filed');--> statement-breakpoint
CREATE INDEX "ip_notices_status_idx" ON "ip_notices" USING btree ("status","filed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ip_notices_merchant_idx" ON "ip_notices" USING btree ("merchant_org_id","filed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ip_notices_holder_idx" ON "ip_notices" USING btree ("filed_by_org_id","filed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ip_notices_due_idx" ON "ip_notices" USING btree ("action_due_at") WHERE "ip_notices"."status" = 'countered';