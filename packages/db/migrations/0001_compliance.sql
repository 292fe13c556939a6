CREATE TABLE "evidence" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"violation_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retain_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"screening_event_id" uuid NOT NULL,
	"status" text NOT NULL,
	"severity" integer NOT NULL,
	"categories" text[] NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_exemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_id" text NOT NULL,
	"text" text NOT NULL,
	"review_item_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"source_org_id" uuid,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"session_ref" text,
	"streamer_user_id" uuid,
	"merchant_org_id" uuid,
	"product_ref" text,
	"product_category" text,
	"card" jsonb,
	"decision" text NOT NULL,
	"hit_count" integer NOT NULL,
	"max_severity" integer NOT NULL,
	"pack_version" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_hits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"screening_event_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"category" text NOT NULL,
	"severity" integer NOT NULL,
	"action" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"matched" text NOT NULL,
	"normalized" text NOT NULL,
	"basis" text NOT NULL,
	"via" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "violations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_item_id" uuid NOT NULL,
	"screening_event_id" uuid NOT NULL,
	"rule_ids" text[] NOT NULL,
	"categories" text[] NOT NULL,
	"severity" integer NOT NULL,
	"streamer_user_id" uuid,
	"merchant_org_id" uuid,
	"product_ref" text,
	"session_ref" text,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_violation_id_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_screening_event_id_screening_events_id_fk" FOREIGN KEY ("screening_event_id") REFERENCES "public"."screening_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_hits" ADD CONSTRAINT "screening_hits_screening_event_id_screening_events_id_fk" FOREIGN KEY ("screening_event_id") REFERENCES "public"."screening_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_review_item_id_review_items_id_fk" FOREIGN KEY ("review_item_id") REFERENCES "public"."review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_screening_event_id_screening_events_id_fk" FOREIGN KEY ("screening_event_id") REFERENCES "public"."screening_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_items_event_uq" ON "review_items" USING btree ("screening_event_id");--> statement-breakpoint
CREATE INDEX "review_items_status_due_idx" ON "review_items" USING btree ("status","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_exemptions_rule_text_uq" ON "rule_exemptions" USING btree ("rule_id","text");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_events_source_event_uq" ON "screening_events" USING btree ("source_org_id","event_id");--> statement-breakpoint
CREATE INDEX "screening_events_session_idx" ON "screening_events" USING btree ("session_ref","occurred_at");--> statement-breakpoint
CREATE INDEX "screening_events_received_idx" ON "screening_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "screening_hits_event_idx" ON "screening_hits" USING btree ("screening_event_id");--> statement-breakpoint
CREATE INDEX "screening_hits_category_idx" ON "screening_hits" USING btree ("category");--> statement-breakpoint
CREATE UNIQUE INDEX "violations_review_item_uq" ON "violations" USING btree ("review_item_id");--> statement-breakpoint
CREATE INDEX "violations_streamer_idx" ON "violations" USING btree ("streamer_user_id");--> statement-breakpoint
CREATE INDEX "violations_merchant_idx" ON "violations" USING btree ("merchant_org_id");