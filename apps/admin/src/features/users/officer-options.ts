import { useMemo } from 'react';
import { useSession } from '../../shared/session.tsx';
import { useUsers } from './users.api.ts';

export interface OfficerOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * Active officers of the bodies the reader may see, as select options ("name · body"), for naming reviewers.
 * Only readers who may list users (users.read: leaders, administrators) get them; `available` says whether they do.
 * `excluded` are shown but cannot be picked, with `excludedNote` after their name.
 */
export function useOfficerOptions({ excluded = new Set<string>(), excludedNote = '' }: { excluded?: ReadonlySet<string>; excludedNote?: string } = {}) {
  const { can } = useSession();
  const available = can('users.read');
  const users = useUsers({ page: 1, pageSize: 100, status: 'active' }, available);
  const options = useMemo<OfficerOption[]>(
    () =>
      (users.data?.items ?? []).map((user) => {
        const body = user.memberships.map((membership) => membership.organizationName).join('、');
        const out = excluded.has(user.id);
        return { value: user.id, label: `${user.displayName}${body ? ` · ${body}` : ''}${out ? ` ${excludedNote}` : ''}`, disabled: out };
      }),
    [users.data, excluded, excludedNote],
  );
  return { available, options, loading: users.isLoading };
}
