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
