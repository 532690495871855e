CREATE TYPE "public"."record_transfer_status" AS ENUM('pending', 'acknowledged', 'returned', 'reported');--> statement-breakpoint
CREATE TABLE "record_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_type" text NOT NULL,
	"mode" text NOT NULL,
	"status" "record_transfer_status" DEFAULT 'pending' NOT NULL,
	"from_record_id" uuid NOT NULL,
	"from_organization_id" uuid NOT NULL,
	"to_organization_id" uuid NOT NULL,
	"to_record_id" uuid,
	"report_back_required" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"reported_at" timestamp with time zone,
	"result" text
);
--> statement-breakpoint
CREATE TABLE "record_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"action" text,
	"body" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "record_transfers_from_idx" ON "record_transfers" USING btree ("from_record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_transfers_to_idx" ON "record_transfers" USING btree ("to_record_id");--> statement-breakpoint
CREATE INDEX "record_notes_record_idx" ON "record_notes" USING btree ("record_id","created_at");--> statement-breakpoint
-- The record kit takes over the modules' own copies: transfers, notes and step records keep their ids and times.
INSERT INTO "record_transfers" ("id", "record_type", "mode", "status", "from_record_id", "from_organization_id", "to_organization_id", "to_record_id", "report_back_required", "created_by", "created_at", "acknowledged_at", "returned_at", "return_reason", "reported_at", "result")
SELECT "id", 'petition', "mode"::text, "status"::text::"record_transfer_status", "from_petition_id", "from_organization_id", "to_organization_id", "to_petition_id", "report_back_required", "created_by", "created_at", "acknowledged_at", "returned_at", "return_reason", "reported_at", "result" FROM "petition_transfers";--> statement-breakpoint
INSERT INTO "record_transfers" ("id", "record_type", "mode", "status", "from_record_id", "from_organization_id", "to_organization_id", "to_record_id", "report_back_required", "created_by", "created_at", "acknowledged_at", "returned_at", "return_reason", "reported_at", "result")
SELECT "id", 'clue', "mode"::text, "status"::text::"record_transfer_status", "from_clue_id", "from_organization_id", "to_organization_id", "to_clue_id", "mode" <> 'forward', "created_by", "created_at", "acknowledged_at", "returned_at", "return_reason", "reported_at", "result" FROM "clue_transfers";--> statement-breakpoint
INSERT INTO "record_notes" ("id", "record_type", "record_id", "action", "body", "details", "author_id", "author_name", "created_at")
SELECT "id", 'petition', "petition_id", NULL, "body", '{}'::jsonb, "author_id", "author_name", "created_at" FROM "petition_notes";--> statement-breakpoint
INSERT INTO "record_notes" ("id", "record_type", "record_id", "action", "body", "details", "author_id", "author_name", "created_at")
SELECT "id", 'clue', "clue_id", "action", "body", jsonb_build_object('inquiryMethod', "inquiry_method"::text, 'recommendation', "recommendation"::text), "author_id", "author_name", "created_at" FROM "clue_records";--> statement-breakpoint
INSERT INTO "record_notes" ("id", "record_type", "record_id", "action", "body", "details", "author_id", "author_name", "created_at")
SELECT "id", 'case', "case_id", "action", "body", '{}'::jsonb, "author_id", "author_name", "created_at" FROM "case_records";
