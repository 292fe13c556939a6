ALTER TABLE "case_entries" ADD COLUMN "from_department" text;--> statement-breakpoint
ALTER TABLE "case_entries" ADD COLUMN "to_department" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "joint_departments" text[] DEFAULT '{}'::text[] NOT NULL;