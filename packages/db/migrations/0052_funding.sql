CREATE TABLE "funding_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"plan_year" integer NOT NULL,
	"status" text NOT NULL,
	"self_figures" jsonb NOT NULL,
	"self_note" text NOT NULL,
	"self_assessed_by" uuid NOT NULL,
	"self_assessed_at" timestamp with time zone NOT NULL,
	"evaluator_org_id" uuid NOT NULL,
	"verified_figures" jsonb,
	"report_text" text,
	"score" integer,
	"grade" text,
	"evaluated_by" uuid,
	"evaluated_at" timestamp with time zone,
	"rectification_deadline" timestamp with time zone,
	"rectification_report" text,
	"rectification_reported_at" timestamp with time zone,
	"outcome_note" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "funding_evaluations_year_ck" CHECK ("funding_evaluations"."plan_year" between 1 and 3),
	CONSTRAINT "funding_evaluations_score_ck" CHECK ("funding_evaluations"."score" is null or "funding_evaluations"."score" between 0 and 100),
	CONSTRAINT "funding_evaluations_grade_ck" CHECK ("funding_evaluations"."grade" is null or "funding_evaluations"."grade" in ('excellent', 'good', 'pass', 'fail')),
	CONSTRAINT "funding_evaluations_status_ck" CHECK ("funding_evaluations"."status" in ('self_assessed', 'passed', 'rectifying', 'rectified', 'failed')),
	CONSTRAINT "funding_evaluations_deadline_ck" CHECK ("funding_evaluations"."status" <> 'rectifying' or "funding_evaluations"."rectification_deadline" is not null)
);
--> statement-breakpoint
CREATE TABLE "funding_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"issuer_department" text NOT NULL,
	"evaluator_org_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"current_year" integer NOT NULL,
	"exit_reason" text,
	"exited_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_projects_budget_ck" CHECK ("funding_projects"."budget_fen" > 0),
	CONSTRAINT "funding_projects_year_ck" CHECK ("funding_projects"."current_year" between 0 and 3 and "funding_projects"."start_year" between 2000 and 2100),
	CONSTRAINT "funding_projects_status_ck" CHECK ("funding_projects"."status" in ('planned', 'funded', 'self_assessed', 'rectifying', 'passed', 'completed', 'exited'))
);
--> statement-breakpoint
CREATE TABLE "funding_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"plan_year" integer NOT NULL,
	"kind" text NOT NULL,
	"target" bigint NOT NULL,
	CONSTRAINT "funding_targets_value_ck" CHECK ("funding_targets"."target" > 0),
	CONSTRAINT "funding_targets_year_ck" CHECK ("funding_targets"."plan_year" between 1 and 3),
	CONSTRAINT "funding_targets_kind_ck" CHECK ("funding_targets"."kind" in ('gmv', 'enterprises', 'talent', 'brands'))
);
--> statement-breakpoint
CREATE TABLE "funding_tranches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"plan_year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"paid_entry_id" uuid,
	"paid_at" timestamp with time zone,
	"clawback_entry_id" uuid,
	"clawed_back_at" timestamp with time zone,
	CONSTRAINT "funding_tranches_amount_ck" CHECK ("funding_tranches"."amount_fen" > 0),
	CONSTRAINT "funding_tranches_year_ck" CHECK ("funding_tranches"."plan_year" between 1 and 3),
	CONSTRAINT "funding_tranches_status_ck" CHECK ("funding_tranches"."status" in ('planned', 'paid', 'clawed_back', 'cancelled')),
	CONSTRAINT "funding_tranches_entries_ck" CHECK (("funding_tranches"."status" in ('planned', 'cancelled') or "funding_tranches"."paid_entry_id" is not null) and ("funding_tranches"."status" <> 'clawed_back' or "funding_tranches"."clawback_entry_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "funding_evaluations" ADD CONSTRAINT "funding_evaluations_project_id_funding_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funding_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_targets" ADD CONSTRAINT "funding_targets_project_id_funding_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funding_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_tranches" ADD CONSTRAINT "funding_tranches_project_id_funding_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funding_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_evaluations_year_uq" ON "funding_evaluations" USING btree ("project_id","plan_year");--> statement-breakpoint
CREATE INDEX "funding_evaluations_deadline_idx" ON "funding_evaluations" USING btree ("status","rectification_deadline");--> statement-breakpoint
CREATE INDEX "funding_projects_issuer_idx" ON "funding_projects" USING btree ("issuer_org_id","created_at");--> statement-breakpoint
CREATE INDEX "funding_projects_owner_idx" ON "funding_projects" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "funding_projects_evaluator_idx" ON "funding_projects" USING btree ("evaluator_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_targets_kind_uq" ON "funding_targets" USING btree ("project_id","plan_year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_tranches_year_uq" ON "funding_tranches" USING btree ("project_id","plan_year");