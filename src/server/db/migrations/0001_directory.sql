CREATE TABLE "directory_college" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"name" text NOT NULL,
	"pillar" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"civility" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"college_id" uuid,
	"pillar" text,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"consent_date" date,
	"source" text DEFAULT 'saisie' NOT NULL,
	"notes" text,
	"search_key" text NOT NULL,
	"import_id" uuid,
	"anonymised_at" timestamp with time zone,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_role" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"structure_id" uuid,
	"function" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_settings" (
	"clsm_id" uuid PRIMARY KEY NOT NULL,
	"contacts_visible_to_members" boolean DEFAULT true NOT NULL,
	"initialised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_structure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"college_id" uuid,
	"address" text,
	"postal_code" text,
	"commune_code" text,
	"commune_name" text,
	"phone" text,
	"email" text,
	"website" text,
	"siret" text,
	"finess" text,
	"notes" text,
	"search_key" text NOT NULL,
	"import_id" uuid,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_college" ADD CONSTRAINT "directory_college_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_person" ADD CONSTRAINT "directory_person_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_person" ADD CONSTRAINT "directory_person_college_id_directory_college_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."directory_college"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_role" ADD CONSTRAINT "directory_role_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_role" ADD CONSTRAINT "directory_role_person_id_directory_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."directory_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_role" ADD CONSTRAINT "directory_role_structure_id_directory_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."directory_structure"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_settings" ADD CONSTRAINT "directory_settings_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_structure" ADD CONSTRAINT "directory_structure_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_structure" ADD CONSTRAINT "directory_structure_college_id_directory_college_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."directory_college"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_college_clsm_idx" ON "directory_college" USING btree ("clsm_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_person_clsm_email_idx" ON "directory_person" USING btree ("clsm_id",lower("email")) WHERE "directory_person"."email" is not null;--> statement-breakpoint
CREATE INDEX "directory_person_clsm_name_idx" ON "directory_person" USING btree ("clsm_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "directory_person_clsm_college_idx" ON "directory_person" USING btree ("clsm_id","college_id");--> statement-breakpoint
CREATE INDEX "directory_person_clsm_pillar_idx" ON "directory_person" USING btree ("clsm_id","pillar");--> statement-breakpoint
CREATE INDEX "directory_person_import_idx" ON "directory_person" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "directory_role_person_idx" ON "directory_role" USING btree ("person_id","end_date");--> statement-breakpoint
CREATE INDEX "directory_role_structure_idx" ON "directory_role" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "directory_role_clsm_idx" ON "directory_role" USING btree ("clsm_id");--> statement-breakpoint
CREATE INDEX "directory_structure_clsm_name_idx" ON "directory_structure" USING btree ("clsm_id","name");--> statement-breakpoint
CREATE INDEX "directory_structure_clsm_college_idx" ON "directory_structure" USING btree ("clsm_id","college_id");--> statement-breakpoint
CREATE INDEX "directory_structure_clsm_commune_idx" ON "directory_structure" USING btree ("clsm_id","commune_code");--> statement-breakpoint
CREATE INDEX "directory_structure_import_idx" ON "directory_structure" USING btree ("import_id");