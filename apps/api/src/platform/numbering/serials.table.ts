import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

// Last number handed out per body, series and year (registration numbers, document numbers 文号).
export const serialCounters = pgTable(
  'serial_counters',
  {
    organizationId: uuid().notNull(),
    series: text().notNull(),
    year: integer().notNull(),
    lastValue: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.series, table.year] })],
);
