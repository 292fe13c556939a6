CREATE TABLE "application_documents" (
	"application_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"doc_type" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"department" text,
	"action" text NOT NULL,
	"from_step" text NOT NULL,
	"to_step" text NOT NULL,
	"reason" text,
	"attachments" uuid[] NOT NULL,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"applicant_user_id" uuid NOT NULL,
	"applicant_org_id" uuid,
	"step" text NOT NULL,
	"status" text NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"data" jsonb NOT NULL,
	"step_entered_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "base_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"address_enc" text NOT NULL,
	"district" text NOT NULL,
	"area_m2" integer NOT NULL,
	"operator_name" text NOT NULL,
	"focus" text,
	"level" text,
	"status" text NOT NULL,
	"certified_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid,
	"owner_user_id" uuid,
	"uploaded_by" uuid NOT NULL,
	"doc_type" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"expires_at" timestamp with time zone,
	"retain_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_votes" (
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"department" text NOT NULL,
	"decision" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "merchant_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"legal_name" text NOT NULL,
	"legal_representative" text NOT NULL,
	"contact_phone_enc" text,
	"address_enc" text,
	"categories" text[] NOT NULL,
	"deposit_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"filed_by" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid,
	"owner_user_id" uuid,
	"type" text NOT NULL,
	"number" text,
	"document_id" uuid,
	"issued_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "streamer_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"real_name_enc" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_index" text NOT NULL,
	"birth_year" integer NOT NULL,
	"mcn_org_id" uuid,
	"topics" text[] NOT NULL,
	"marketer_level" text,
	"virtual" text NOT NULL,
	"operator_user_id" uuid,
	"virtual_label" text,
	"status" text NOT NULL,
	"status_reason" text,
	"certified_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"course" text NOT NULL,
	"hours" integer NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"document_id" uuid
);
--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "base_profiles" ADD CONSTRAINT "base_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_votes" ADD CONSTRAINT "joint_votes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_profiles" ADD CONSTRAINT "merchant_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streamer_profiles" ADD CONSTRAINT "streamer_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_documents_uq" ON "application_documents" USING btree ("application_id","document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_events_seq_uq" ON "application_events" USING btree ("application_id","seq");--> statement-breakpoint
CREATE INDEX "applications_kind_step_idx" ON "applications" USING btree ("kind","step");--> statement-breakpoint
CREATE INDEX "applications_subject_idx" ON "applications" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "applications_due_idx" ON "applications" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "documents_owner_org_idx" ON "documents" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "documents_owner_user_idx" ON "documents" USING btree ("owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_votes_uq" ON "joint_votes" USING btree ("application_id","round","department");--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_profiles_credit_code_uq" ON "merchant_profiles" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "objections_application_idx" ON "objections" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "qualifications_expiry_idx" ON "qualifications" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "qualifications_org_idx" ON "qualifications" USING btree ("owner_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "streamer_profiles_id_number_uq" ON "streamer_profiles" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "training_records_user_idx" ON "training_records" USING btree ("user_id");