import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndpointInput, EndpointName, PetitionDetail, PetitionStatus } from '@guantong/contracts';
import { callApi, queryString } from '../../shared/api-client.ts';

// The contract's page fields accept any input (coerced on the server); the console always sends numbers.
export type PetitionListQuery = Omit<NonNullable<EndpointInput<'listPetitions'>['query']>, 'status' | 'page' | 'pageSize'> & {
  status?: PetitionStatus[];
  page: number;
  pageSize: number;
};

export const petitionKeys = {
  all: ['petitions'] as const,
  lists: ['petitions', 'list'] as const,
  list: (query: PetitionListQuery) => ['petitions', 'list', query] as const,
  detail: (id: string) => ['petitions', 'detail', id] as const,
  similar: (id: string) => ['petitions', 'similar', id] as const,
  assignees: (id: string) => ['petitions', 'assignees', id] as const,
  categories: ['petition-settings', 'categories'] as const,
  intakePoints: ['petition-settings', 'intake-points'] as const,
  answerTemplates: ['petition-settings', 'answer-templates'] as const,
  transferTargets: ['petition-settings', 'transfer-targets'] as const,
};

export function usePetitions(query: PetitionListQuery) {
  return useQuery({
    queryKey: petitionKeys.list(query),
    queryFn: ({ signal }) => callApi('listPetitions', { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The spreadsheet of the same filters (not the page): a plain download the browser saves. */
export function petitionExportUrl(query: PetitionListQuery): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/petitions/export.xlsx${queryString(filters)}`;
}

export function usePetition(id: string) {
  return useQuery({ queryKey: petitionKeys.detail(id), queryFn: ({ signal }) => callApi('getPetition', { params: { id } }, { signal }) });
}

export function useSimilarPetitions(id: string) {
  return useQuery({ queryKey: petitionKeys.similar(id), queryFn: ({ signal }) => callApi('listSimilarPetitions', { params: { id } }, { signal }) });
}

/** Officers of the body holding the report: whom it can be assigned to. */
export function usePetitionAssignees(id: string, enabled = true) {
  return useQuery({ queryKey: petitionKeys.assignees(id), queryFn: ({ signal }) => callApi('listPetitionAssignees', { params: { id } }, { signal }), enabled });
}

export function usePetitionCategories(enabled = true) {
  return useQuery({ queryKey: petitionKeys.categories, queryFn: ({ signal }) => callApi('listPetitionCategories', undefined, { signal }), staleTime: 5 * 60_000, enabled });
}

export function useTransferTargets(enabled = true) {
  return useQuery({ queryKey: petitionKeys.transferTargets, queryFn: ({ signal }) => callApi('listTransferTargets', undefined, { signal }), staleTime: 5 * 60_000, enabled });
}

export function useAnswerTemplates(enabled = true) {
  return useQuery({ queryKey: petitionKeys.answerTemplates, queryFn: ({ signal }) => callApi('listAnswerTemplates', undefined, { signal }), enabled });
}

export function useIntakePoints() {
  return useQuery({ queryKey: petitionKeys.intakePoints, queryFn: ({ signal }) => callApi('listIntakePoints', undefined, { signal }) });
}

/** After any change to one record: keep its answer, and let lists and the similar panel reload. */
export function useStorePetition() {
  const queryClient = useQueryClient();
  return async (petition: PetitionDetail) => {
    queryClient.setQueryData(petitionKeys.detail(petition.id), petition);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: petitionKeys.lists }),
      queryClient.invalidateQueries({ queryKey: petitionKeys.similar(petition.id) }),
    ]);
  };
}

/** Reloads one record (after a conflict: someone else changed it meanwhile). */
export function useRefetchPetition() {
  const queryClient = useQueryClient();
  return (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: petitionKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: petitionKeys.lists }),
    ]);
}

type Body<N extends EndpointName> = NonNullable<EndpointInput<N>['body']>;

export function useRegisterPetition() {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'registerPetition'>) => callApi('registerPetition', { body }), onSuccess: store });
}

export function useClassifyPetition(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'classifyPetition'>) => callApi('classifyPetition', { params: { id }, body }), onSuccess: store });
}

export function useApplyPetitionAction(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'applyPetitionAction'>) => callApi('applyPetitionAction', { params: { id }, body }), onSuccess: store });
}

export function useProposeHandling(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'proposePetitionHandling'>) => callApi('proposePetitionHandling', { params: { id }, body }), onSuccess: store });
}

export function useAnswerPetition(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'answerPetition'>) => callApi('answerPetition', { params: { id }, body }), onSuccess: store });
}

export function useMergePetition(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'mergePetition'>) => callApi('mergePetition', { params: { id }, body }), onSuccess: store });
}

export function useLinkPetition(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'linkPetition'>) => callApi('linkPetition', { params: { id }, body }), onSuccess: store });
}

export function useUnlinkPetition(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (linkId: string) => callApi('unlinkPetition', { params: { id, linkId } }), onSuccess: store });
}

export function useAddPetitionNote(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'addPetitionNote'>) => callApi('addPetitionNote', { params: { id }, body }), onSuccess: store });
}

export function useHandOffToClues(id: string) {
  const store = useStorePetition();
  return useMutation({ mutationFn: (body: Body<'handOffPetitionToClues'>) => callApi('handOffPetitionToClues', { params: { id }, body }), onSuccess: store });
}

/** Unsealing the reporter: a mutation, so the identity is never kept in the query cache. */
export function useReadReporterIdentity(id: string) {
  return useMutation({ mutationFn: (reason: string) => callApi('readReporterIdentity', { params: { id }, body: { reason } }) });
}

// ---- Settings ----

export function useUpsertCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: Body<'upsertPetitionCategory'> }) => callApi('upsertPetitionCategory', { params: { key }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: petitionKeys.categories }),
  });
}

export function useSaveIntakePoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: Body<'updateIntakePoint'> } | { id?: undefined; body: Body<'createIntakePoint'> }) =>
      input.id === undefined ? callApi('createIntakePoint', { body: input.body }) : callApi('updateIntakePoint', { params: { id: input.id }, body: input.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: petitionKeys.intakePoints }),
  });
}

export function useSaveAnswerTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Body<'createAnswerTemplate'> }) =>
      id ? callApi('updateAnswerTemplate', { params: { id }, body }) : callApi('createAnswerTemplate', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: petitionKeys.answerTemplates }),
  });
}

export function intakePointQrUrl(id: string, format: 'png' | 'svg'): string {
  return `/api/intake-points/${encodeURIComponent(id)}/qr.${format}`;
}
