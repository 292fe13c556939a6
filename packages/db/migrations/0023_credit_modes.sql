CREATE TABLE "credit_clues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"trigger" text NOT NULL,
	"detail" jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_cohort_members" (
	"cohort_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" uuid,
	"removed_at" timestamp with time zone,
	CONSTRAINT "credit_cohort_members_cohort_id_party_id_pk" PRIMARY KEY("cohort_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "credit_cohorts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"relax" jsonb NOT NULL,
	"extra_sampling" boolean NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_cohorts_span_ck" CHECK ("credit_cohorts"."ends_at" > "credit_cohorts"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "credit_mode_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "credit_training_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"event_id" uuid NOT NULL,
	"category" text NOT NULL,
	"severity" integer NOT NULL,
	"hours" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completion_event_id" uuid
);
--> statement-breakpoint
ALTER TABLE "credit_cohort_members" ADD CONSTRAINT "credit_cohort_members_cohort_id_credit_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."credit_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_clues_party_idx" ON "credit_clues" USING btree ("party_id","trigger","raised_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "credit_clues_raised_idx" ON "credit_clues" USING btree ("raised_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "credit_cohort_members_party_idx" ON "credit_cohort_members" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "credit_cohorts_created_idx" ON "credit_cohorts" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_training_tasks_event_uq" ON "credit_training_tasks" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "credit_training_tasks_party_idx" ON "credit_training_tasks" USING btree ("party_id","created_at" DESC NULLS LAST);