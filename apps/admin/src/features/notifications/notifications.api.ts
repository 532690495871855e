import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../shared/api-client.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  latest: ['notifications', 'latest'] as const,
};

// Reminders and escalations arrive from the scheduler; a minute's delay is fine for deadlines counted in days.
const POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => callApi('countUnreadNotifications', undefined, { signal }),
    refetchInterval: POLL_MS,
  });
}

export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) => callApi('listNotifications', { query: { page: 1, pageSize: 10 } }, { signal }),
    enabled,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all' ? callApi('markAllNotificationsRead') : callApi('markNotificationRead', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
