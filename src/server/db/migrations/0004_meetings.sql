CREATE TABLE "calendar_feed" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"clsm_id" uuid,
	"user_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"decision_id" uuid,
	"description" text NOT NULL,
	"assignee_person_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"closed_by_name" text,
	"last_reminder_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"instance_id" uuid,
	"series_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place_name" text,
	"address" text,
	"video_url" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"reminder_days_before" integer DEFAULT 2,
	"reminder_sent_at" timestamp with time zone,
	"minutes" jsonb,
	"minutes_text" text,
	"search_text" text DEFAULT '' NOT NULL,
	"minutes_updated_at" timestamp with time zone,
	"minutes_updated_by" text,
	"minutes_shared_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"duration_minutes" integer,
	"presenter" text,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"carried_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_invitee" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clsm_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"from_instance" boolean DEFAULT false NOT NULL,
	"rsvp" text DEFAULT 'pending' NOT NULL,
	"substitute_name" text,
	"responded_at" timestamp with time zone,
	"token_nonce" text NOT NULL,
	"convoked_at" timestamp with time zone,
	"convoked_sequence" integer,
	"last_mail_id" uuid,
	"attendance" text,
	"represented_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_message" ADD COLUMN "ical" jsonb;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_decision_id_meeting_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_assignee_person_id_directory_person_id_fk" FOREIGN KEY ("assignee_person_id") REFERENCES "public"."directory_person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_instance_id_governance_instance_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."governance_instance"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_carried_from_id_meeting_agenda_item_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."meeting_agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_agenda_item_id_meeting_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_document" ADD CONSTRAINT "meeting_document_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_document" ADD CONSTRAINT "meeting_document_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_document" ADD CONSTRAINT "meeting_document_agenda_item_id_meeting_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitee" ADD CONSTRAINT "meeting_invitee_clsm_id_clsm_id_fk" FOREIGN KEY ("clsm_id") REFERENCES "public"."clsm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitee" ADD CONSTRAINT "meeting_invitee_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitee" ADD CONSTRAINT "meeting_invitee_person_id_directory_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."directory_person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_token_idx" ON "calendar_feed" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feed_owner_idx" ON "calendar_feed" USING btree ("user_id","kind","clsm_id");--> statement-breakpoint
CREATE INDEX "follow_up_clsm_status_due_idx" ON "follow_up" USING btree ("clsm_id","status","due_date");--> statement-breakpoint
CREATE INDEX "follow_up_assignee_idx" ON "follow_up" USING btree ("assignee_person_id","status");--> statement-breakpoint
CREATE INDEX "follow_up_meeting_idx" ON "follow_up" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_clsm_starts_idx" ON "meeting" USING btree ("clsm_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_instance_starts_idx" ON "meeting" USING btree ("instance_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_series_idx" ON "meeting" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "meeting_search_idx" ON "meeting" USING gin (to_tsvector('french', "search_text"));--> statement-breakpoint
CREATE INDEX "meeting_agenda_item_meeting_idx" ON "meeting_agenda_item" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_decision_meeting_idx" ON "meeting_decision" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_decision_search_idx" ON "meeting_decision" USING gin (to_tsvector('french', "search_text"));--> statement-breakpoint
CREATE INDEX "meeting_document_meeting_idx" ON "meeting_document" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_invitee_person_idx" ON "meeting_invitee" USING btree ("meeting_id","person_id") WHERE "meeting_invitee"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "meeting_invitee_meeting_idx" ON "meeting_invitee" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_invitee_clsm_person_idx" ON "meeting_invitee" USING btree ("clsm_id","person_id");