import { z } from 'zod';

export const IdSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: z.uuid() });

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().describe('Matches, counted exactly up to 10,000'),
      totalCapped: z.boolean().describe('True when there are more matches than `total` (counting stops at 10,000, or 1,000 for a petitions full-text search)'),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .meta({ id });
}
export interface Page<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export const sortOrders = ['asc', 'desc'] as const;
export const SortOrderSchema = z.enum(sortOrders);

export const OkSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** Trimmed, non-empty text with a maximum length, the usual shape of a form field. */
export function text(max: number, min = 1) {
  return z.string().trim().min(min).max(max);
}

/** A query-string list, comma-separated (`status=a,b`), at most 20 items. */
export const csvOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(20)).optional();
