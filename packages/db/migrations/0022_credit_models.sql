CREATE TABLE "credit_models" (
	"version" text PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"effective_from" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL
);
