import { useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../../shared/session.tsx';
import { useUsers } from './users.api.ts';

export interface OfficerOption {
  value: string;
  label: string;
  disabled?: boolean;
}

const PAGE = 50;
const SEARCH_DELAY_MS = 300;

/**
 * Active officers of the bodies the reader may see, as select options ("name · body"), for naming reviewers. What is
 * typed into the select searches the server (name or account), so a commission with hundreds of officers is
 * covered, not just the first page. Only readers who may list users (users.read: leaders, administrators) get them;
 * `available` says whether they do. `excluded` are shown but cannot be picked, with `excludedNote` after their name;
 * Chosen officers stay labelled when a search leaves them out: those named in `current` (id and name, e.g. from the
 * record), and those in `selected` that an earlier search showed.
 * Spread `search` into the Select's `showSearch`.
 */
export function useOfficerOptions({
  excluded = new Set<string>(),
  excludedNote = '',
  current = [],
  selected = [],
}: { excluded?: ReadonlySet<string>; excludedNote?: string; current?: readonly { id: string; name: string }[]; selected?: readonly string[] } = {}) {
  const { can } = useSession();
  const available = can('users.read');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  // One request once the typing pauses, not one per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const seen = useRef(new Map<string, OfficerOption>());
  const users = useUsers({ page: 1, pageSize: PAGE, status: 'active', ...(search ? { search } : {}) }, available);
  const options = useMemo<OfficerOption[]>(() => {
    const found = (users.data?.items ?? []).map((user) => {
      const body = user.memberships.map((membership) => membership.organizationName).join('、');
      const out = excluded.has(user.id);
      return { value: user.id, label: `${user.displayName}${body ? ` · ${body}` : ''}${out ? ` ${excludedNote}` : ''}`, disabled: out };
    });
    for (const option of found) seen.current.set(option.value, option);
    const shown = new Set(found.map((option) => option.value));
    const kept: OfficerOption[] = [];
    for (const option of [
      ...current.map((officer) => ({ value: officer.id, label: officer.name })),
      ...selected.flatMap((id) => (seen.current.has(id) ? [seen.current.get(id)!] : [])),
    ]) {
      if (shown.has(option.value)) continue;
      shown.add(option.value);
      kept.push(option);
    }
    return [...kept, ...found];
  }, [users.data, excluded, excludedNote, current, selected]);
  return {
    available,
    options,
    loading: users.isFetching,
    search: { filterOption: false, onSearch: setTyped } as const,
  };
}
