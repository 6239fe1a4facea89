CREATE TABLE "diagnostic_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"need_id" uuid,
	"resource_id" uuid,
	"survey_id" uuid,
	"question_id" text,
	"meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostic_link_owner" CHECK (num_nonnulls("diagnostic_link"."need_id", "diagnostic_link"."resource_id") = 1),
	CONSTRAINT "diagnostic_link_target" CHECK (num_nonnulls("diagnostic_link"."survey_id", "diagnostic_link"."meeting_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "diagnostic_need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"theme" text,
	"audience" text,
	"territory_part" text,
	"source" text,
	"evidence" text,
	"objectives" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_opinion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"meeting_id" uuid,
	"adopted_on" date,
	"sent_on" date,
	"sent_to" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_page" (
	"clsm_id" uuid PRIMARY KEY NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"conclusion" text DEFAULT '' NOT NULL,
	"survey_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_resource" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"structure_id" uuid,
	"description" text,
	"audience" text,
	"territory_part" text,
	"objectives" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_ballot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"choices" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"need_id" uuid,
	"position" integer NOT NULL,
	"chosen" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_consultation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"method" text NOT NULL,
	"dots_per_member" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"title" text NOT NULL,
	"introduction" text,
	"audience" text NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"public_token" text,
	"definition" jsonb NOT NULL,
	"results_published" boolean DEFAULT false NOT NULL,
	"template_key" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answer_tag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"tag" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_browser_mark" (
	"survey_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	CONSTRAINT "survey_browser_mark_survey_id_key_hash_pk" PRIMARY KEY("survey_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_nonce" text NOT NULL,
	"sent_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"submitted_on" date NOT NULL,
	"invitation_id" uuid,
	"respondent_name" text,
	"respondent_email" text,
	"answers" jsonb NOT NULL,
	"others" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territorial_figure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"label" text NOT NULL,
	"value" numeric NOT NULL,
	"unit" text,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"level" text NOT NULL,
	"commune_code" text,
	"departement_code" text,
	"departement_value" numeric,
	"national_value" numeric,
	"comparison_source" text,
	"theme" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diagnostic_link" ADD CONSTRAINT "diagnostic_link_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_link" ADD CONSTRAINT "diagnostic_link_need_id_diagnostic_need_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."diagnostic_need"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_link" ADD CONSTRAINT "diagnostic_link_resource_id_diagnostic_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."diagnostic_resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_link" ADD CONSTRAINT "diagnostic_link_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_link" ADD CONSTRAINT "diagnostic_link_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_need" ADD CONSTRAINT "diagnostic_need_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_need" ADD CONSTRAINT "diagnostic_need_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_opinion" ADD CONSTRAINT "diagnostic_opinion_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_opinion" ADD CONSTRAINT "diagnostic_opinion_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_opinion" ADD CONSTRAINT "diagnostic_opinion_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_page" ADD CONSTRAINT "diagnostic_page_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_resource" ADD CONSTRAINT "diagnostic_resource_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_resource" ADD CONSTRAINT "diagnostic_resource_structure_id_directory_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."directory_structure"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_resource" ADD CONSTRAINT "diagnostic_resource_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_ballot" ADD CONSTRAINT "priority_ballot_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_ballot" ADD CONSTRAINT "priority_ballot_consultation_id_priority_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."priority_consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_ballot" ADD CONSTRAINT "priority_ballot_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_candidate" ADD CONSTRAINT "priority_candidate_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_candidate" ADD CONSTRAINT "priority_candidate_consultation_id_priority_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."priority_consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_candidate" ADD CONSTRAINT "priority_candidate_need_id_diagnostic_need_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."diagnostic_need"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_consultation" ADD CONSTRAINT "priority_consultation_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_consultation" ADD CONSTRAINT "priority_consultation_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_tag" ADD CONSTRAINT "survey_answer_tag_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_tag" ADD CONSTRAINT "survey_answer_tag_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_tag" ADD CONSTRAINT "survey_answer_tag_response_id_survey_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_browser_mark" ADD CONSTRAINT "survey_browser_mark_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_person_id_directory_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."directory_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_invitation_id_survey_invitation_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territorial_figure" ADD CONSTRAINT "territorial_figure_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diagnostic_link_need_idx" ON "diagnostic_link" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "diagnostic_link_resource_idx" ON "diagnostic_link" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "diagnostic_link_survey_idx" ON "diagnostic_link" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "diagnostic_link_meeting_idx" ON "diagnostic_link" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "diagnostic_need_clsm_idx" ON "diagnostic_need" USING btree ("clsm_id","created_at");--> statement-breakpoint
CREATE INDEX "diagnostic_opinion_clsm_idx" ON "diagnostic_opinion" USING btree ("clsm_id","created_at");--> statement-breakpoint
CREATE INDEX "diagnostic_resource_clsm_idx" ON "diagnostic_resource" USING btree ("clsm_id","created_at");--> statement-breakpoint
CREATE INDEX "diagnostic_resource_structure_idx" ON "diagnostic_resource" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "priority_ballot_member_idx" ON "priority_ballot" USING btree ("consultation_id","user_id");--> statement-breakpoint
CREATE INDEX "priority_candidate_consultation_idx" ON "priority_candidate" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE INDEX "priority_candidate_chosen_idx" ON "priority_candidate" USING btree ("clsm_id") WHERE "priority_candidate"."chosen";--> statement-breakpoint
CREATE INDEX "priority_consultation_clsm_idx" ON "priority_consultation" USING btree ("clsm_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_clsm_idx" ON "survey" USING btree ("clsm_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_public_token_idx" ON "survey" USING btree ("public_token");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_answer_tag_unique_idx" ON "survey_answer_tag" USING btree ("response_id","question_id","tag");--> statement-breakpoint
CREATE INDEX "survey_answer_tag_survey_idx" ON "survey_answer_tag" USING btree ("survey_id","question_id","tag");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_person_idx" ON "survey_invitation" USING btree ("survey_id","person_id");--> statement-breakpoint
CREATE INDEX "survey_invitation_person_fk_idx" ON "survey_invitation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "survey_response_survey_idx" ON "survey_response" USING btree ("survey_id","submitted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_invitation_idx" ON "survey_response" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "territorial_figure_clsm_idx" ON "territorial_figure" USING btree ("clsm_id","label");