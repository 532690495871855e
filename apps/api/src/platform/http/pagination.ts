import type { Page, PageQuery } from '@guantong/contracts';

export function pageResult<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
