CREATE TABLE "order_packages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"tracking_no" text NOT NULL,
	"status" text NOT NULL,
	"shipped_at" timestamp with time zone NOT NULL,
	"subscribed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"last_event_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "package_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"package_id" uuid NOT NULL,
	"push_key" text NOT NULL,
	"status" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"description" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_packages" ADD CONSTRAINT "order_packages_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_events" ADD CONSTRAINT "package_events_package_id_order_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."order_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_packages_order_uq" ON "order_packages" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_packages_waybill_idx" ON "order_packages" USING btree ("carrier","tracking_no");--> statement-breakpoint
CREATE UNIQUE INDEX "package_events_push_uq" ON "package_events" USING btree ("package_id","push_key");--> statement-breakpoint
CREATE INDEX "package_events_time_idx" ON "package_events" USING btree ("package_id","occurred_at");