CREATE TABLE "consumer_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"birth_year" integer NOT NULL,
	"gender" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consumer_profiles_birth_year_ck" CHECK ("consumer_profiles"."birth_year" between 1900 and 2100),
	CONSTRAINT "consumer_profiles_gender_ck" CHECK ("consumer_profiles"."gender" in ('female', 'male'))
);
