CREATE TABLE "order_signals" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"device_hash" text,
	"ip_hash" text,
	"address_hash" text,
	"payer_account_hash" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_signals" ADD CONSTRAINT "order_signals_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_signals_ip_idx" ON "order_signals" USING btree ("ip_hash");--> statement-breakpoint
CREATE INDEX "order_signals_address_idx" ON "order_signals" USING btree ("address_hash");