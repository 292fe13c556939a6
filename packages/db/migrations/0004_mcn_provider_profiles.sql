CREATE TABLE "mcn_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"legal_name" text NOT NULL,
	"legal_representative" text NOT NULL,
	"contact_phone_enc" text NOT NULL,
	"host_base_org_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"legal_name" text NOT NULL,
	"services" text[] NOT NULL,
	"contact_phone_enc" text NOT NULL,
	"host_base_org_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mcn_profiles" ADD CONSTRAINT "mcn_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_profiles" ADD CONSTRAINT "provider_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mcn_profiles_credit_code_uq" ON "mcn_profiles" USING btree ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_profiles_credit_code_uq" ON "provider_profiles" USING btree ("credit_code");