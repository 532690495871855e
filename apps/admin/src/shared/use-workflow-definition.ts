import { useQuery } from '@tanstack/react-query';
import { callApi } from './api-client.ts';

/** One workflow definition as the server runs it (labels, actions, which need a note), for diagrams and action bars. */
export function useWorkflowDefinition(workflowId: string, enabled = true) {
  return useQuery({
    queryKey: ['workflows', 'detail', workflowId],
    queryFn: ({ signal }) => callApi('getWorkflow', { params: { workflowId } }, { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}
