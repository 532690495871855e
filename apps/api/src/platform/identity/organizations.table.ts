import { organizationTypes, regionLevels } from '@guantong/contracts';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const regionLevel = pgEnum('region_level', regionLevels);
export const organizationType = pgEnum('organization_type', organizationTypes);

export const regions = pgTable('regions', {
  id: uuid().primaryKey().defaultRandom(),
  parentId: uuid().references((): AnyPgColumn => regions.id),
  code: text().notNull().unique(),
  name: text().notNull(),
  level: regionLevel().notNull(),
});

// `path` is the chain of ids from the root, '/a/b/c/'; a subtree is `path LIKE '/a/b/%'`.
export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    parentId: uuid().references((): AnyPgColumn => organizations.id),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    code: text().notNull().unique(),
    name: text().notNull(),
    shortName: text(),
    type: organizationType().notNull(),
    path: text().notNull(),
    depth: integer().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('organizations_path_idx').on(table.path.op('text_pattern_ops')),
    index('organizations_parent_idx').on(table.parentId),
  ],
);
