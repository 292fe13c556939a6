CREATE TABLE "campaign_enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"product_id" uuid,
	"session_id" uuid,
	"party_id" uuid NOT NULL,
	"party_org_id" uuid,
	"enrolled_by" uuid NOT NULL,
	"subject_name" text NOT NULL,
	"party_name" text NOT NULL,
	"card_label" text,
	"price_fen" integer,
	"checks" jsonb NOT NULL,
	"status" text NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organiser_org_id" uuid NOT NULL,
	"organiser_kind" text NOT NULL,
	"created_by" uuid NOT NULL,
	"name" text NOT NULL,
	"theme" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"enrol_deadline" timestamp with time zone NOT NULL,
	"category_ids" jsonb NOT NULL,
	"districts" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"status" text NOT NULL,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_enrolments" ADD CONSTRAINT "campaign_enrolments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_enrolments_product_uq" ON "campaign_enrolments" USING btree ("campaign_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_enrolments_session_uq" ON "campaign_enrolments" USING btree ("campaign_id","session_id");--> statement-breakpoint
CREATE INDEX "campaign_enrolments_party_idx" ON "campaign_enrolments" USING btree ("party_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "campaign_enrolments_party_org_idx" ON "campaign_enrolments" USING btree ("party_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "campaign_enrolments_session_idx" ON "campaign_enrolments" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "campaigns_organiser_idx" ON "campaigns" USING btree ("organiser_org_id","starts_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status","starts_at");