import { sql } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import { executeRows } from '../db/client.ts';

/**
 * Next number of a body's series for a year, inside the caller's transaction. The counter row stays locked
 * until the transaction ends, and a rollback gives the number back: no gaps, no duplicates under concurrency.
 */
export async function nextSerial(tx: Transaction, input: { organizationId: string; series: string; year: number }): Promise<number> {
  const [row] = await executeRows<{ last_value: number }>(
    tx,
    sql`insert into serial_counters (organization_id, series, year, last_value)
        values (${input.organizationId}, ${input.series}, ${input.year}, 1)
        on conflict (organization_id, series, year) do update set last_value = serial_counters.last_value + 1
        returning last_value`,
  );
  return Number(row.last_value);
}

/**
 * The next `count` numbers of a series at once (callers arriving together, group commit): the last one is returned,
 * the block is last - count + 1 … last. Same locking and rollback as nextSerial.
 */
export async function nextSerials(tx: Transaction, input: { organizationId: string; series: string; year: number; count: number }): Promise<number> {
  const [row] = await executeRows<{ last_value: number }>(
    tx,
    sql`insert into serial_counters (organization_id, series, year, last_value)
        values (${input.organizationId}, ${input.series}, ${input.year}, ${input.count})
        on conflict (organization_id, series, year) do update set last_value = serial_counters.last_value + ${input.count}
        returning last_value`,
  );
  return Number(row.last_value);
}
