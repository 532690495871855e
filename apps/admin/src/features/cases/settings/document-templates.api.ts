import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentKind, DocumentTemplate, EndpointInput } from '@guantong/contracts';
import { callApi } from '../../../shared/api-client.ts';

export type DocumentTemplateRequest = NonNullable<EndpointInput<'updateDocumentTemplate'>['body']>;

export const documentTemplateKeys = { all: ['document-templates'] as const };

/** The wording of each kind of official document (one entry per kind, built in or as configured). */
export function useDocumentTemplates() {
  return useQuery({ queryKey: documentTemplateKeys.all, queryFn: ({ signal }) => callApi('listDocumentTemplates', undefined, { signal }) });
}

/** Both answers are the kind's template in force: it replaces that kind's entry in the list. */
function useStoreTemplate() {
  const queryClient = useQueryClient();
  return (saved: DocumentTemplate) =>
    queryClient.setQueryData<DocumentTemplate[]>(documentTemplateKeys.all, (list) => list?.map((template) => (template.kind === saved.kind ? saved : template)));
}

/** Changes a kind's wording; carries the version seen (409 VERSION_CONFLICT when someone saved meanwhile). */
export function useUpdateDocumentTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: DocumentKind; body: DocumentTemplateRequest }) => callApi('updateDocumentTemplate', { params: { kind }, body }),
    onSuccess: store,
  });
}

/** Drops the configured wording: documents issued afterwards use the built-in one. */
export function useResetDocumentTemplate() {
  const store = useStoreTemplate();
  return useMutation({ mutationFn: (kind: DocumentKind) => callApi('resetDocumentTemplate', { params: { kind } }), onSuccess: store });
}
