-- Approval chains belong to a ledger now. Chains set before this applied to every ledger: they move to the top body
-- of the tree, where they still hold for everyone below.
ALTER TABLE "clue_approval_rules" DROP CONSTRAINT "clue_approval_rules_pkey";--> statement-breakpoint
ALTER TABLE "clue_approval_rules" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
UPDATE "clue_approval_rules" SET "organization_id" = (SELECT "id" FROM "organizations" WHERE "parent_id" IS NULL ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
DELETE FROM "clue_approval_rules" WHERE "organization_id" IS NULL;--> statement-breakpoint
ALTER TABLE "clue_approval_rules" ALTER COLUMN "organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "clue_approval_rules" ADD CONSTRAINT "clue_approval_rules_organization_id_level_pk" PRIMARY KEY("organization_id","level");
