CREATE TABLE "studio_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"base_org_id" uuid NOT NULL,
	"booker_user_id" uuid NOT NULL,
	"booker_org_id" uuid,
	"booker_role" text NOT NULL,
	"party_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"price_fen" integer NOT NULL,
	"session_id" uuid,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studios" (
	"id" uuid PRIMARY KEY NOT NULL,
	"base_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"equipment" jsonb NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"price_per_hour_fen" integer NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "studio_bookings" ADD CONSTRAINT "studio_bookings_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "studio_bookings_studio_idx" ON "studio_bookings" USING btree ("studio_id","starts_at");--> statement-breakpoint
CREATE INDEX "studio_bookings_base_idx" ON "studio_bookings" USING btree ("base_org_id","starts_at");--> statement-breakpoint
CREATE INDEX "studio_bookings_party_idx" ON "studio_bookings" USING btree ("party_id","starts_at");--> statement-breakpoint
CREATE INDEX "studio_bookings_booker_idx" ON "studio_bookings" USING btree ("booker_user_id","starts_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "studio_bookings_status_idx" ON "studio_bookings" USING btree ("status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "studios_base_name_uq" ON "studios" USING btree ("base_org_id","name");--> statement-breakpoint
CREATE INDEX "studios_active_idx" ON "studios" USING btree ("active","base_org_id");--> statement-breakpoint
-- Hand-written after the generated SQL (drizzle cannot express EXCLUDE): no two bookings of one studio that hold the
-- slot (booked / checked_in) may overlap. btree_gist lets the gist index compare studio_id with =.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "studio_bookings" ADD CONSTRAINT "studio_bookings_no_overlap" EXCLUDE USING gist ("studio_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" in ('booked', 'checked_in'));--> statement-breakpoint
ALTER TABLE "studio_bookings" ADD CONSTRAINT "studio_bookings_range_ck" CHECK ("ends_at" > "starts_at");
