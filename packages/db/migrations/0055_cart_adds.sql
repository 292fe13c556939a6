CREATE TABLE "live_cart_adds" (
	"session_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"minute" integer NOT NULL,
	"adds" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_cart_adds_session_id_sku_id_minute_pk" PRIMARY KEY("session_id","sku_id","minute"),
	CONSTRAINT "live_cart_adds_minute_ck" CHECK ("live_cart_adds"."minute" >= 0),
	CONSTRAINT "live_cart_adds_adds_ck" CHECK ("live_cart_adds"."adds" > 0)
);
