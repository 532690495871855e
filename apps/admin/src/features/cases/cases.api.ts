import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail, CaseStatus, EndpointInput, EndpointName } from '@guantong/contracts';
import { callApi, queryString } from '../../shared/api-client.ts';
import { clueKeys } from '../clues/clues.api.ts';

// The contract's page fields accept any input (coerced on the server); the console always sends numbers.
export type CaseListQuery = Omit<NonNullable<EndpointInput<'listCases'>['query']>, 'status' | 'page' | 'pageSize'> & {
  status?: CaseStatus[];
  page: number;
  pageSize: number;
};
export type SanctionListQuery = Omit<NonNullable<EndpointInput<'listSanctions'>['query']>, 'page' | 'pageSize'> & { page: number; pageSize: number };

type Body<N extends EndpointName> = NonNullable<EndpointInput<N>['body']>;
export type CaseActionRequest = Body<'applyCaseAction'>;
export type CaseMeasureRequest = Body<'addCaseMeasure'>;
export type CaseMeasureUpdateRequest = Body<'updateCaseMeasure'>;
export type CaseAppealRequest = Body<'fileCaseAppeal'>;
export type CaseAppealActionRequest = Body<'applyCaseAppealAction'>;
export type ChecklistRequest = Body<'createReviewChecklist'>;
export type CaseReviewRequest = Body<'createCaseReview'>;

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (query: CaseListQuery) => ['cases', 'list', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  sanctions: ['sanctions'] as const,
  sanctionList: (query: SanctionListQuery) => ['sanctions', query] as const,
  checklists: ['case-review-checklists'] as const,
  reviews: ['case-reviews'] as const,
  monthReviews: (month: string) => ['case-reviews', 'month', month] as const,
  monthSummary: (month: string) => ['case-reviews', 'summary', month] as const,
};

/** The spreadsheet of the same filters (not the page): a plain download the browser saves. */
function exportUrl(path: string, query: { page: number; pageSize: number }): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `${path}${queryString(filters)}`;
}

export function useCases(query: CaseListQuery) {
  return useQuery({ queryKey: caseKeys.list(query), queryFn: ({ signal }) => callApi('listCases', { query }, { signal }), placeholderData: keepPreviousData });
}

export const caseExportUrl = (query: CaseListQuery) => exportUrl('/api/cases/export.xlsx', query);

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => callApi('getCase', { params: { id } }, { signal }) });
}

export function useSanctions(query: SanctionListQuery) {
  return useQuery({ queryKey: caseKeys.sanctionList(query), queryFn: ({ signal }) => callApi('listSanctions', { query }, { signal }), placeholderData: keepPreviousData });
}

export const sanctionExportUrl = (query: SanctionListQuery) => exportUrl('/api/sanctions/export.xlsx', query);

/** After any change to one case: keep its answer, and let lists, the sanctions register and person views reload. */
function useStoreCase() {
  const queryClient = useQueryClient();
  return async (found: CaseDetail) => {
    queryClient.setQueryData(caseKeys.detail(found.id), found);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
      queryClient.invalidateQueries({ queryKey: caseKeys.sanctions }),
      // Person views are logged reads: drop them rather than refetch in the background.
      queryClient.removeQueries({ queryKey: clueKeys.persons }),
    ]);
  };
}

/** Reloads one case (after a conflict: someone else changed it meanwhile). */
export function useRefetchCase() {
  const queryClient = useQueryClient();
  return (id: string) => Promise.all([queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) }), queryClient.invalidateQueries({ queryKey: caseKeys.lists })]);
}

export function useApplyCaseAction(id: string) {
  const store = useStoreCase();
  return useMutation({ mutationFn: (body: CaseActionRequest) => callApi('applyCaseAction', { params: { id }, body }), onSuccess: store });
}

export function useAddCaseMeasure(id: string) {
  const store = useStoreCase();
  return useMutation({ mutationFn: (body: CaseMeasureRequest) => callApi('addCaseMeasure', { params: { id }, body }), onSuccess: store });
}

/** Ends a measure, changes its note, or extends a detention (once, with its approval); carries the measure's version. */
export function useUpdateCaseMeasure(id: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: ({ measureId, body }: { measureId: string; body: CaseMeasureUpdateRequest }) => callApi('updateCaseMeasure', { params: { id, measureId }, body }),
    onSuccess: store,
  });
}

export function useFileCaseAppeal(id: string) {
  const store = useStoreCase();
  return useMutation({ mutationFn: (body: CaseAppealRequest) => callApi('fileCaseAppeal', { params: { id }, body }), onSuccess: store });
}

/** An appeal's answer is the appeal alone: the case is reloaded (a revoked decision ends its sanctions). */
export function useApplyCaseAppealAction(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appealId, body }: { appealId: string; body: CaseAppealActionRequest }) => callApi('applyCaseAppealAction', { params: { id: appealId }, body }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }), queryClient.invalidateQueries({ queryKey: caseKeys.sanctions })]),
  });
}

// ---- Case-quality review (案件质量评查) ----

export function useReviewChecklists(enabled = true) {
  return useQuery({ queryKey: caseKeys.checklists, queryFn: ({ signal }) => callApi('listReviewChecklists', undefined, { signal }), enabled });
}

export function useSaveChecklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ChecklistRequest }) =>
      id ? callApi('updateReviewChecklist', { params: { id }, body }) : callApi('createReviewChecklist', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.checklists }),
  });
}

export function useCreateCaseReview(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseReviewRequest) => callApi('createCaseReview', { params: { id: caseId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.reviews }),
  });
}

export function useMonthReviews(month: string) {
  return useQuery({ queryKey: caseKeys.monthReviews(month), queryFn: ({ signal }) => callApi('listCaseReviews', { query: { month } }, { signal }) });
}

export function useMonthReviewSummary(month: string) {
  return useQuery({ queryKey: caseKeys.monthSummary(month), queryFn: ({ signal }) => callApi('caseReviewSummary', { query: { month } }, { signal }) });
}
