import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndpointInput, User } from '@guantong/contracts';
import { callApi } from '../../shared/api-client.ts';

// The contract's page fields accept any input (coerced on the server); the console always sends numbers.
export type UserListQuery = Omit<NonNullable<EndpointInput<'listUsers'>['query']>, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
  events: (id: string) => ['users', 'events', id] as const,
};

export function useUsers(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => callApi('listUsers', { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUser(id: string | null, placeholder?: User) {
  return useQuery({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: ({ signal }) => callApi('getUser', { params: { id: id! } }, { signal }),
    enabled: Boolean(id),
    placeholderData: placeholder,
  });
}

export function useUserEvents(id: string | null) {
  return useQuery({
    queryKey: userKeys.events(id ?? ''),
    queryFn: ({ signal }) => callApi('listUserEvents', { params: { id: id! } }, { signal }),
    enabled: Boolean(id),
  });
}

/** After a change to one account: store the answer, refresh lists and history. */
function useStoreUser() {
  const queryClient = useQueryClient();
  return async (user: User) => {
    queryClient.setQueryData(userKeys.detail(user.id), user);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['users', 'list'] }),
      queryClient.invalidateQueries({ queryKey: userKeys.events(user.id) }),
      // Member counts of bodies change with memberships.
      queryClient.invalidateQueries({ queryKey: ['organizations'] }),
    ]);
  };
}

export function useCreateUser() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: (body: EndpointInput<'createUser'>['body']) => callApi('createUser', { body }),
    onSuccess: store,
  });
}

export function useUpdateUser() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndpointInput<'updateUser'>['body'] }) => callApi('updateUser', { params: { id }, body }),
    onSuccess: store,
  });
}

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) => callApi('resetUserPassword', { params: { id }, body: { newPassword } }),
  });
}

export function useApplyUserAction() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndpointInput<'applyUserAction'>['body'] }) => callApi('applyUserAction', { params: { id }, body }),
    onSuccess: store,
  });
}
