CREATE TABLE "case_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "case_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"note" text,
	"content_hash" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"clue_id" uuid NOT NULL,
	"status" text NOT NULL,
	"party_kind" text NOT NULL,
	"party_id" uuid NOT NULL,
	"subject_kind" text,
	"subject_id" uuid,
	"department_code" text,
	"summary" text NOT NULL,
	"opened_by_user_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"notice" jsonb,
	"notified_at" timestamp with time zone,
	"defence_due_at" timestamp with time zone,
	"statement" jsonb,
	"stated_at" timestamp with time zone,
	"statement_lapsed" boolean NOT NULL,
	"decision" jsonb,
	"decided_at" timestamp with time zone,
	"document_key" text,
	"document_sha256" text,
	"executed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_suspensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"until_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_entries" ADD CONSTRAINT "case_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_suspensions" ADD CONSTRAINT "live_suspensions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_entries_case_idx" ON "case_entries" USING btree ("case_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_evidence_seq_uq" ON "case_evidence" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "case_evidence_ref_uq" ON "case_evidence" USING btree ("case_id","kind","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_clue_uq" ON "cases" USING btree ("clue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_no_uq" ON "cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "cases_department_idx" ON "cases" USING btree ("department_code","opened_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_party_idx" ON "cases" USING btree ("party_id","notified_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "live_suspensions_user_idx" ON "live_suspensions" USING btree ("user_id","until_at");