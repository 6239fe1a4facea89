CREATE TABLE "governance_instance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"theme" text,
	"audience" text,
	"parent_id" uuid,
	"confidential" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "governance_instance" ADD CONSTRAINT "governance_instance_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_instance" ADD CONSTRAINT "governance_instance_parent_id_governance_instance_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."governance_instance"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_membership" ADD CONSTRAINT "governance_membership_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_membership" ADD CONSTRAINT "governance_membership_instance_id_governance_instance_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."governance_instance"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_membership" ADD CONSTRAINT "governance_membership_person_id_directory_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."directory_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_instance_clsm_idx" ON "governance_instance" USING btree ("clsm_id","kind");--> statement-breakpoint
CREATE INDEX "governance_instance_parent_idx" ON "governance_instance" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_membership_current_idx" ON "governance_membership" USING btree ("instance_id","person_id") WHERE "governance_membership"."end_date" is null;--> statement-breakpoint
CREATE INDEX "governance_membership_person_idx" ON "governance_membership" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "governance_membership_clsm_idx" ON "governance_membership" USING btree ("clsm_id","instance_id");