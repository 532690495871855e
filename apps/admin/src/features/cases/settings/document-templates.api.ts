import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentKind, DocumentTemplate, EndpointInput } from '@guantong/contracts';
import { callApi } from '../../../shared/api-client.ts';

export type DocumentTemplateRequest = NonNullable<EndpointInput<'updateDocumentTemplate'>['body']>;

export const documentTemplateKeys = {
  all: ['document-templates'] as const,
  of: (organizationId: string | undefined) => ['document-templates', organizationId ?? 'own'] as const,
};

/** The wording in force of each kind of official document for an issuing body (its own, inherited, or built in). */
export function useDocumentTemplates(organizationId: string | undefined) {
  return useQuery({
    queryKey: documentTemplateKeys.of(organizationId),
    queryFn: ({ signal }) => callApi('listDocumentTemplates', { query: { organizationId } }, { signal }),
    enabled: organizationId !== undefined,
  });
}

/**
 * Both answers are the kind's wording in force for the body: it replaces that kind's entry in the body's list. Bodies
 * below it may inherit the change, so their lists are fetched again.
 */
function useStoreTemplate() {
  const queryClient = useQueryClient();
  return (saved: DocumentTemplate) => {
    queryClient.setQueryData<DocumentTemplate[]>(documentTemplateKeys.of(saved.organizationId), (list) =>
      list?.map((template) => (template.kind === saved.kind ? saved : template)),
    );
    void queryClient.invalidateQueries({ queryKey: documentTemplateKeys.all, predicate: (query) => query.queryKey[1] !== saved.organizationId });
  };
}

/** Sets a body's wording of a kind; carries the version seen (409 VERSION_CONFLICT when someone saved meanwhile). */
export function useUpdateDocumentTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: ({ organizationId, kind, body }: { organizationId: string; kind: DocumentKind; body: DocumentTemplateRequest }) =>
      callApi('updateDocumentTemplate', { params: { organizationId, kind }, body }),
    onSuccess: store,
  });
}

/** Drops the body's own wording: documents issued afterwards use the wording above it, or the built-in one. */
export function useResetDocumentTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: ({ organizationId, kind }: { organizationId: string; kind: DocumentKind }) => callApi('resetDocumentTemplate', { params: { organizationId, kind } }),
    onSuccess: store,
  });
}
