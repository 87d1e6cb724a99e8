CREATE TABLE "career_drafts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"resume" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "career_drafts" ADD CONSTRAINT "career_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;