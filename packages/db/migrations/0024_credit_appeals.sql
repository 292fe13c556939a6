CREATE TABLE "credit_appeals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" text,
	"filed_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "credit_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"party_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"purpose" text NOT NULL,
	"content" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"signature" text NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "credit_appeals_open_uq" ON "credit_appeals" USING btree ("event_id") WHERE "credit_appeals"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_appeals_application_uq" ON "credit_appeals" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "credit_appeals_party_idx" ON "credit_appeals" USING btree ("party_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "credit_appeals_event_idx" ON "credit_appeals" USING btree ("event_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "credit_appeals_created_idx" ON "credit_appeals" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_reports_number_uq" ON "credit_reports" USING btree ("number");--> statement-breakpoint
CREATE INDEX "credit_reports_party_idx" ON "credit_reports" USING btree ("party_id","issued_at" DESC NULLS LAST);