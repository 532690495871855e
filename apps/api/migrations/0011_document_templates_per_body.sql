-- Templates belong to an issuing body now. Wording set before this applied to every body: it moves to the top body of
-- the tree, where it still holds for everyone below.
ALTER TABLE "document_templates" DROP CONSTRAINT "document_templates_pkey";--> statement-breakpoint
ALTER TABLE "document_templates" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "document_templates" SET "organization_id" = (SELECT "id" FROM "organizations" WHERE "parent_id" IS NULL ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
DELETE FROM "document_templates" WHERE "organization_id" IS NULL;--> statement-breakpoint
ALTER TABLE "document_templates" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_organization_id_kind_pk" PRIMARY KEY("organization_id","kind");
