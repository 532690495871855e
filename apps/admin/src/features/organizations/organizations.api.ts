import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { organizationTypes, type EndpointInput, type Organization, type OrganizationType, type Region } from '@guantong/contracts';
import { callApi } from '../../shared/api-client.ts';
import { sessionQueryKey } from '../../shared/session.tsx';

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (query: EndpointInput<'listOrganizations'>['query'] = {}) => ['organizations', 'list', query] as const,
  regions: ['regions'] as const,
};

export function useOrganizations(query: EndpointInput<'listOrganizations'>['query'] = {}, enabled = true) {
  return useQuery({ queryKey: organizationKeys.list(query), queryFn: ({ signal }) => callApi('listOrganizations', { query }, { signal }), enabled });
}

export function useRegions(enabled = true) {
  return useQuery({ queryKey: organizationKeys.regions, queryFn: ({ signal }) => callApi('listRegions', {}, { signal }), staleTime: 10 * 60_000, enabled });
}

function useInvalidateOrganizations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
      // Body names appear in user memberships and in the header.
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
    ]);
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: EndpointInput<'createOrganization'>['body']) => callApi('createOrganization', { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndpointInput<'updateOrganization'>['body'] }) => callApi('updateOrganization', { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (id: string) => callApi('deleteOrganization', { params: { id } }),
    onSuccess: invalidate,
  });
}

export function fetchOrganization(id: string): Promise<Organization> {
  return callApi('getOrganization', { params: { id } });
}

export type OrganizationNode = Organization & { children?: OrganizationNode[] };

// Inside a body: its own offices first (in the usual order of a commission), then the bodies below it.
const subordinateTypes = new Set<OrganizationType>(['discipline_commission', 'township_discipline_committee', 'village_supervision_committee']);
function siblingOrder(a: Organization, b: Organization): number {
  const rank = (organization: Organization) => (subordinateTypes.has(organization.type) ? 1 : 0);
  return rank(a) - rank(b) || organizationTypes.indexOf(a.type) - organizationTypes.indexOf(b.type) || a.code.localeCompare(b.code);
}

/** Nests the flat list by parentId; bodies whose parent is not visible become roots. */
export function buildOrganizationTree(list: Organization[]): OrganizationNode[] {
  const nodes = new Map<string, OrganizationNode>(list.map((organization) => [organization.id, { ...organization }]));
  const roots: OrganizationNode[] = [];
  for (const organization of [...list].sort(siblingOrder)) {
    const node = nodes.get(organization.id)!;
    const parent = organization.parentId ? nodes.get(organization.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of a body and everything below it (a body cannot move under itself). */
export function subtreeIds(list: Organization[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const organization of list) {
      if (organization.parentId && ids.has(organization.parentId) && !ids.has(organization.id)) {
        ids.add(organization.id);
        grew = true;
      }
    }
  }
  return ids;
}

export interface TreeOption {
  value: string;
  title: string;
  label: string;
  disabled?: boolean;
  children?: TreeOption[];
}

/** Options for a TreeSelect of bodies. */
export function organizationTreeOptions(list: Organization[], disabled: Set<string> = new Set()): TreeOption[] {
  const convert = (node: OrganizationNode): TreeOption => ({
    value: node.id,
    title: node.name,
    label: node.name,
    disabled: disabled.has(node.id),
    children: node.children?.map(convert),
  });
  return buildOrganizationTree(list).map(convert);
}

/** Options for a TreeSelect of regions (GB/T 2260). */
export function regionTreeOptions(regions: Region[]): TreeOption[] {
  const children = new Map<string | null, Region[]>();
  for (const region of regions) children.set(region.parentId, [...(children.get(region.parentId) ?? []), region]);
  const known = new Set(regions.map((region) => region.id));
  const convert = (region: Region): TreeOption => ({
    value: region.id,
    title: `${region.name}（${region.code}）`,
    label: region.name,
    children: children.get(region.id)?.map(convert),
  });
  return regions.filter((region) => !region.parentId || !known.has(region.parentId)).map(convert);
}
