CREATE TABLE "exchange_bundles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"sha256" text NOT NULL,
	"items" integer NOT NULL,
	"matched" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "exchange_keys" (
	"region_code" text PRIMARY KEY NOT NULL,
	"region_name" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bundle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_region_code" text NOT NULL,
	"source_id" text NOT NULL,
	"subject_credit_code" text NOT NULL,
	"subject_name" text NOT NULL,
	"local_org_id" uuid,
	"local_clue_id" uuid,
	"item" jsonb NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"key_id" text NOT NULL,
	"added_by_user_id" uuid,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_records" ADD CONSTRAINT "exchange_records_bundle_id_exchange_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."exchange_bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_bundles_uq" ON "exchange_bundles" USING btree ("direction","sha256");--> statement-breakpoint
CREATE INDEX "exchange_bundles_at_idx" ON "exchange_bundles" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_records_source_uq" ON "exchange_records" USING btree ("source_region_code","kind","source_id");--> statement-breakpoint
CREATE INDEX "exchange_records_imported_idx" ON "exchange_records" USING btree ("imported_at");--> statement-breakpoint
CREATE INDEX "exchange_records_org_idx" ON "exchange_records" USING btree ("local_org_id");