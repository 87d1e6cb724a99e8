CREATE TABLE "profile_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"version" integer,
	"job_id" uuid,
	"talking_points" jsonb NOT NULL,
	"narrative" text NOT NULL,
	"narrative_original" text NOT NULL,
	"narrative_sentences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resume_data" jsonb NOT NULL,
	"resume_data_original" jsonb NOT NULL,
	"edited_fields" text[] DEFAULT '{}' NOT NULL,
	"edit_hallucinations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluation" jsonb,
	"match_score" integer NOT NULL,
	"engine" text NOT NULL,
	"model" text NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "profile_versions_profile_version_key" UNIQUE("profile_id","version")
);
--> statement-breakpoint
ALTER TABLE "claims" DROP CONSTRAINT "claims_item_id_career_items_id_fk";
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN "pinned_version" integer;--> statement-breakpoint
ALTER TABLE "tailored_profiles" ADD COLUMN "edit_hallucinations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tailored_profiles" ADD COLUMN "record_outdated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tailored_profiles" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tailored_profiles" ADD COLUMN "generated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "tailored_profiles" SET "generated_at" = "created_at";--> statement-breakpoint
ALTER TABLE "profile_versions" ADD CONSTRAINT "profile_versions_profile_id_tailored_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."tailored_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_versions" ADD CONSTRAINT "profile_versions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_versions_job_idx" ON "profile_versions" USING btree ("job_id");--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_item_id_career_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."career_items"("id") ON DELETE set null ON UPDATE no action;