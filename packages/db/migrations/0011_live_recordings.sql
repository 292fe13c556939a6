CREATE TABLE "live_recordings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"source" text NOT NULL,
	"file_path" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"bytes" bigint,
	"sha256" text,
	"retain_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "live_recordings" ADD CONSTRAINT "live_recordings_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_recordings_session_idx" ON "live_recordings" USING btree ("session_id","started_at");--> statement-breakpoint
CREATE INDEX "live_recordings_retain_idx" ON "live_recordings" USING btree ("retain_until");