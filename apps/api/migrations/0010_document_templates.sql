CREATE TABLE "document_templates" (
	"kind" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"recipient" text,
	"paragraphs" text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
