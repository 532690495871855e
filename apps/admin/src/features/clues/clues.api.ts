import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalStep, CadreManagementLevel, ClueDetail, ClueStatus, EndpointInput, EndpointName, EndpointResponse } from '@guantong/contracts';
import { callApi, queryString } from '../../shared/api-client.ts';

// The contract's page fields accept any input (coerced on the server); the console always sends numbers.
export type ClueListQuery = Omit<NonNullable<EndpointInput<'listClues'>['query']>, 'status' | 'page' | 'pageSize'> & {
  status?: ClueStatus[];
  page: number;
  pageSize: number;
};

/** One level's approval chain (ApprovalRule in the contracts). */
export type ClueApprovalRule = EndpointResponse<'listClueApprovalRules'>[number];

export const clueKeys = {
  all: ['clues'] as const,
  lists: ['clues', 'list'] as const,
  list: (query: ClueListQuery) => ['clues', 'list', query] as const,
  detail: (id: string) => ['clues', 'detail', id] as const,
  persons: ['clues', 'person'] as const,
  person: (id: string) => ['clues', 'person', id] as const,
  handlingBodies: ['clue-settings', 'handling-bodies'] as const,
  transferTargets: ['clue-settings', 'transfer-targets'] as const,
  approvalRules: ['clue-settings', 'approval-rules'] as const,
};

export function useClues(query: ClueListQuery) {
  return useQuery({
    queryKey: clueKeys.list(query),
    queryFn: ({ signal }) => callApi('listClues', { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The spreadsheet of the same filters (not the page): a plain download the browser saves. */
export function clueExportUrl(query: ClueListQuery): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/clues/export.xlsx${queryString(filters)}`;
}

export function useClue(id: string) {
  return useQuery({ queryKey: clueKeys.detail(id), queryFn: ({ signal }) => callApi('getClue', { params: { id } }, { signal }) });
}

/**
 * Everything about one person concerned. Each load is written to the audit log (need-to-know), so the answer is
 * not refetched behind the reader's back (no refetch on focus, kept only while the page shows).
 */
export function useCluePerson(id: string) {
  return useQuery({
    queryKey: clueKeys.person(id),
    queryFn: ({ signal }) => callApi('getCluePerson', { params: { id } }, { signal }),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** The period of the clue metrics, and the body they are for (with everything below it; unset = the user's own scope). */
export type ClueMetricsQuery = NonNullable<EndpointInput<'getClueMetrics'>['query']>;

/**
 * Clues by source and disposal, rates, overdue and backlog, clues → cases → persons sanctioned, and the same per
 * body below, over a period.
 */
export function useClueMetrics(query: ClueMetricsQuery) {
  return useQuery({
    queryKey: ['clue-metrics', query] as const,
    queryFn: ({ signal }) => callApi('getClueMetrics', { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function clueMetricsExportUrl(query: ClueMetricsQuery): string {
  return `/api/clue-metrics/export.xlsx${queryString(query)}`;
}

/** Offices, groups and townships of the commission a clue can be assigned to (室组地). */
export function useClueHandlingBodies(enabled = true) {
  return useQuery({ queryKey: clueKeys.handlingBodies, queryFn: ({ signal }) => callApi('listClueHandlingBodies', undefined, { signal }), staleTime: 5 * 60_000, enabled });
}

/** Commissions (and township committees) a clue can be transferred, forwarded or sent to. */
export function useClueTransferTargets(enabled = true) {
  return useQuery({ queryKey: clueKeys.transferTargets, queryFn: ({ signal }) => callApi('listClueTransferTargets', undefined, { signal }), staleTime: 5 * 60_000, enabled });
}

/** The approval chains in force for a ledger (its own, inherited from a ledger above, or built in). */
export function useClueApprovalRules(organizationId: string | undefined) {
  return useQuery({
    queryKey: [...clueKeys.approvalRules, organizationId ?? 'own'],
    queryFn: ({ signal }) => callApi('listClueApprovalRules', { query: { organizationId } }, { signal }),
    enabled: organizationId !== undefined,
  });
}

/** After any change to one clue: keep its answer, and let lists and person views reload. */
export function useStoreClue() {
  const queryClient = useQueryClient();
  return async (clue: ClueDetail) => {
    queryClient.setQueryData(clueKeys.detail(clue.id), clue);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: clueKeys.lists }),
      // Person views are logged reads: drop them rather than refetch in the background.
      queryClient.removeQueries({ queryKey: clueKeys.persons }),
    ]);
  };
}

/** Reloads one clue (after a conflict: someone else changed it meanwhile). */
export function useRefetchClue() {
  const queryClient = useQueryClient();
  return (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: clueKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: clueKeys.lists }),
    ]);
}

type Body<N extends EndpointName> = NonNullable<EndpointInput<N>['body']>;
export type ClueActionRequest = Body<'applyClueAction'>;
export type SignDisposalRequest = Body<'signClueDisposal'>;
export type UpdateClueRequest = Body<'updateClue'>;

export function useCreateClue() {
  const store = useStoreClue();
  return useMutation({ mutationFn: (body: Body<'createClue'>) => callApi('createClue', { body }), onSuccess: store });
}

export function useUpdateClue(id: string) {
  const store = useStoreClue();
  return useMutation({ mutationFn: (body: UpdateClueRequest) => callApi('updateClue', { params: { id }, body }), onSuccess: store });
}

export function useApplyClueAction(id: string) {
  const store = useStoreClue();
  return useMutation({ mutationFn: (body: ClueActionRequest) => callApi('applyClueAction', { params: { id }, body }), onSuccess: store });
}

export function useSignClueDisposal(id: string) {
  const store = useStoreClue();
  return useMutation({ mutationFn: (body: SignDisposalRequest) => callApi('signClueDisposal', { params: { id }, body }), onSuccess: store });
}

// ---- Joint screening (集中排查) ----

export const screeningKeys = {
  list: ['clue-screenings', 'list'] as const,
  detail: (id: string) => ['clue-screenings', 'detail', id] as const,
};

export function useScreenings() {
  return useQuery({ queryKey: screeningKeys.list, queryFn: ({ signal }) => callApi('listScreenings', undefined, { signal }) });
}

export function useScreening(id: string) {
  return useQuery({ queryKey: screeningKeys.detail(id), queryFn: ({ signal }) => callApi('getScreening', { params: { id } }, { signal }) });
}

/** Each change answers the whole batch: keep it, and let the list of batches reload (progress, status). */
function useStoreScreening() {
  const queryClient = useQueryClient();
  return async (screening: EndpointResponse<'getScreening'>) => {
    queryClient.setQueryData(screeningKeys.detail(screening.id), screening);
    await queryClient.invalidateQueries({ queryKey: screeningKeys.list });
  };
}

export function useCreateScreening() {
  const store = useStoreScreening();
  return useMutation({ mutationFn: (body: Body<'createScreening'>) => callApi('createScreening', { body }), onSuccess: store });
}

export function useAssignScreeningReviewer(id: string) {
  const store = useStoreScreening();
  return useMutation({
    mutationFn: ({ itemId, reviewerId }: { itemId: string; reviewerId: string }) => callApi('assignScreeningReviewer', { params: { id, itemId }, body: { reviewerId } }),
    onSuccess: store,
  });
}

export function useConcludeScreeningItem(id: string) {
  const store = useStoreScreening();
  return useMutation({
    mutationFn: ({ itemId, conclusion }: { itemId: string; conclusion: string }) => callApi('concludeScreeningItem', { params: { id, itemId }, body: { conclusion } }),
    onSuccess: store,
  });
}

export function useCloseScreening(id: string) {
  const store = useStoreScreening();
  return useMutation({ mutationFn: () => callApi('closeScreening', { params: { id } }), onSuccess: store });
}

// ---- Settings ----

// A ledger's chain holds for the ledgers below it: every ledger's list is fetched again after a change.
export function useUpdateApprovalRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organizationId, level, steps }: { organizationId: string; level: CadreManagementLevel | 'default'; steps: ApprovalStep[] }) =>
      callApi('updateClueApprovalRule', { params: { organizationId, level }, body: { steps } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clueKeys.approvalRules }),
  });
}

export function useResetApprovalRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organizationId, level }: { organizationId: string; level: CadreManagementLevel | 'default' }) =>
      callApi('resetClueApprovalRule', { params: { organizationId, level } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clueKeys.approvalRules }),
  });
}
