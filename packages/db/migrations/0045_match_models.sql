CREATE TABLE "match_audiences" (
	"streamer_user_id" uuid PRIMARY KEY NOT NULL,
	"viewers" integer NOT NULL,
	"female" integer NOT NULL,
	"male" integer NOT NULL,
	"under18" integer NOT NULL,
	"age18_24" integer NOT NULL,
	"age25_34" integer NOT NULL,
	"age35_44" integer NOT NULL,
	"age45plus" integer NOT NULL,
	"regions" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_models" (
	"version" integer PRIMARY KEY NOT NULL,
	"trained_at" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"streamers" integer NOT NULL,
	"products" integer NOT NULL,
	"interactions" integer NOT NULL,
	"pairs" integer NOT NULL,
	"new_interactions" integer NOT NULL,
	"dim" integer NOT NULL,
	"factors" "bytea" NOT NULL
);
