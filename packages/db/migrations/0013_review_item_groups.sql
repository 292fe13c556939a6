-- Repeats of the same hit (same session, sender, kind, rules and normalized text) are counted on the undecided
-- review item of their group instead of opening new items; every counted event is kept in review_item_events.
-- Existing items become groups of one (no group key: they never collect repeats).
CREATE TABLE "review_item_events" (
	"review_item_id" uuid NOT NULL,
	"screening_event_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_items" ADD COLUMN "group_key" text;--> statement-breakpoint
ALTER TABLE "review_items" ADD COLUMN "occurrences" integer;--> statement-breakpoint
ALTER TABLE "review_items" ADD COLUMN "first_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_items" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
UPDATE "review_items" i SET "occurrences" = 1, "first_seen_at" = e."occurred_at", "last_seen_at" = e."occurred_at"
  FROM "screening_events" e WHERE e."id" = i."screening_event_id";--> statement-breakpoint
ALTER TABLE "review_items" ALTER COLUMN "occurrences" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "review_items" ALTER COLUMN "first_seen_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "review_items" ALTER COLUMN "last_seen_at" SET NOT NULL;--> statement-breakpoint
INSERT INTO "review_item_events" ("review_item_id", "screening_event_id", "occurred_at")
  SELECT i."id", i."screening_event_id", i."first_seen_at" FROM "review_items" i;--> statement-breakpoint
ALTER TABLE "screening_events" ADD COLUMN "sender_user_id" uuid;--> statement-breakpoint
ALTER TABLE "review_item_events" ADD CONSTRAINT "review_item_events_review_item_id_review_items_id_fk" FOREIGN KEY ("review_item_id") REFERENCES "public"."review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_item_events" ADD CONSTRAINT "review_item_events_screening_event_id_screening_events_id_fk" FOREIGN KEY ("screening_event_id") REFERENCES "public"."screening_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_item_events_event_uq" ON "review_item_events" USING btree ("screening_event_id");--> statement-breakpoint
CREATE INDEX "review_item_events_item_idx" ON "review_item_events" USING btree ("review_item_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_items_open_group_uq" ON "review_items" USING btree ("group_key") WHERE "review_items"."status" in ('open', 'claimed') and "review_items"."group_key" is not null;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_occurrences_pos" CHECK ("review_items"."occurrences" >= 1);