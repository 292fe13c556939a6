ALTER TABLE "live_sessions" ADD COLUMN "prereviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "prereviewed_by" uuid;