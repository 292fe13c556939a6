CREATE TABLE "clue_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clue_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"from_department" text,
	"to_department" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "clue_signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"risk_level" integer NOT NULL,
	"status" text NOT NULL,
	"department_code" text,
	"facts" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"signals" integer NOT NULL,
	"dedupe_key" text,
	"created_by_user_id" uuid,
	"closing_reason" text,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clue_entries" ADD CONSTRAINT "clue_entries_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clue_entries_clue_idx" ON "clue_entries" USING btree ("clue_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "clue_signals_source_uq" ON "clue_signals" USING btree ("source");--> statement-breakpoint
CREATE INDEX "clue_signals_window_idx" ON "clue_signals" USING btree ("kind","subject_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "clues_open_key_uq" ON "clues" USING btree ("dedupe_key") WHERE "clues"."status" = 'open' and "clues"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "clues_department_idx" ON "clues" USING btree ("department_code","status","last_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "clues_status_idx" ON "clues" USING btree ("status","last_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "clues_subject_idx" ON "clues" USING btree ("subject_id");