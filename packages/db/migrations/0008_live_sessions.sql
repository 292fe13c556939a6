CREATE TABLE "live_session_products" (
	"session_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"agreement_id" uuid,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"streamer_user_id" uuid NOT NULL,
	"mcn_org_id" uuid,
	"title" text NOT NULL,
	"cover_image_id" uuid,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"co_host_user_ids" text[] NOT NULL,
	"stream_key_hash" text NOT NULL,
	"stream_key_enc" text NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"peak_viewers" integer NOT NULL,
	"avg_viewers" integer NOT NULL,
	"chat_messages" integer NOT NULL,
	"orders" integer NOT NULL,
	"gmv_fen" bigint NOT NULL,
	"retain_until" timestamp with time zone,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "live_session_products" ADD CONSTRAINT "live_session_products_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session_products" ADD CONSTRAINT "live_session_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_streamer_user_id_users_id_fk" FOREIGN KEY ("streamer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "live_session_products_uq" ON "live_session_products" USING btree ("session_id","product_id");--> statement-breakpoint
CREATE INDEX "live_sessions_streamer_idx" ON "live_sessions" USING btree ("streamer_user_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "live_sessions_status_idx" ON "live_sessions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "live_sessions_mcn_idx" ON "live_sessions" USING btree ("mcn_org_id");