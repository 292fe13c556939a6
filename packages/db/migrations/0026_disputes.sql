CREATE TABLE "complaint_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"role" text NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"consumer_user_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"streamer_user_id" uuid,
	"live_session_id" uuid,
	"category" text NOT NULL,
	"claim_kind" text NOT NULL,
	"claim_amount_fen" bigint NOT NULL,
	"description" text NOT NULL,
	"evidence_document_ids" jsonb NOT NULL,
	"contact_phone_enc" text,
	"paid_fen" bigint NOT NULL,
	"refunded_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"status_since" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"answer" text,
	"offer_kind" text,
	"offer_amount_fen" bigint,
	"outcome_remedy" text,
	"outcome_amount_fen" bigint,
	"upheld" boolean,
	"closing_reason" text,
	"filed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_entries" ADD CONSTRAINT "complaint_entries_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_entries_complaint_idx" ON "complaint_entries" USING btree ("complaint_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_open_order_uq" ON "complaints" USING btree ("order_id") WHERE "complaints"."status" in ('awaiting_merchant', 'negotiating', 'mediating', 'escalated');--> statement-breakpoint
CREATE INDEX "complaints_consumer_idx" ON "complaints" USING btree ("consumer_user_id","filed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_merchant_idx" ON "complaints" USING btree ("merchant_org_id","filed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_status_idx" ON "complaints" USING btree ("status","filed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_due_idx" ON "complaints" USING btree ("due_at") WHERE "complaints"."due_at" is not null;