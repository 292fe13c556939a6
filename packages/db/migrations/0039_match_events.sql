CREATE TABLE "match_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"streamer_user_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"personalised" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"personalised" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "match_events_at_idx" ON "match_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "match_events_streamer_idx" ON "match_events" USING btree ("streamer_user_id","at");