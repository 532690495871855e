import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [10, 20, 50, 100];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ListUpdate = (changes: Record<string, string | number | null | undefined>) => void;
export type SortOrder = 'asc' | 'desc';
/** A list's sort as the URL holds it (the list queries carry it). */
export type SortState = { sort?: string; order?: SortOrder };

/** The value if it is one of `values`, else nothing (a hand-edited URL cannot inject other values). */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * A list view's state in the URL (filters, search, sort, page), so a view can be reloaded, bookmarked and shared.
 * Read values with the helpers; `update` writes changes (empty values drop the parameter) and starts again at
 * page 1 unless the change is the page itself.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const update: ListUpdate = (changes) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      // A new filter starts again at page 1.
      if (!('page' in changes)) next.delete('page');
      if (next.get('page') === '1') next.delete('page');
      return next;
    });
  };
  const pageSize = Number(params.get('pageSize'));
  return {
    params,
    update,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    /** One value of `values`, or nothing. */
    pick: <T extends string>(key: string, values: readonly T[]) => oneOf(values, params.get(key)),
    /** A comma-separated list of values of `values`; nothing when empty. */
    pickList: <T extends string>(key: string, values: readonly T[]) => {
      const picked = (params.get(key) ?? '').split(',').filter((value): value is T => (values as readonly string[]).includes(value));
      return picked.length ? picked : undefined;
    },
    /** A YYYY-MM-DD day, or nothing. */
    date: (key: string) => {
      const value = params.get(key);
      return value && DATE.test(value) ? value : undefined;
    },
    text: (key: string, max = 40) => params.get(key)?.slice(0, max) || undefined,
    /** Sort key and order, with the defaults when absent or unknown. */
    sort: <K extends string>(keys: readonly K[], fallback: K) => ({
      sort: oneOf(keys, params.get('sort')) ?? fallback,
      order: oneOf(['asc', 'desc'] as const, params.get('order')) ?? ('desc' as SortOrder),
    }),
  };
}

/** Whether any of the filters has a value. */
export function hasAnyFilter<Q extends object>(query: Q, keys: readonly (keyof Q)[]): boolean {
  return keys.some((key) => Boolean(query[key]));
}

/** The change that clears these filters. */
export function clearedFilters(keys: readonly string[]): Record<string, null> {
  return Object.fromEntries(keys.map((key) => [key, null]));
}
