import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api, withQuery } from "./client";
import { queryKeys } from "./query-keys";
import type { Member, Page, Role } from "./types";

const PAGE_SIZE = 50;

function membersPath(orgId: string, userId?: string): string {
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/members`;
  return userId ? `${base}/${encodeURIComponent(userId)}` : base;
}

/** Members of an organisation, fetched page by page ("Load more"). */
export function useMembers(orgId: string) {
  return useInfiniteQuery<Page<Member>, ApiError>({
    queryKey: queryKeys.members(orgId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Member>>(
        withQuery(membersPath(orgId), { limit: PAGE_SIZE, cursor: pageParam as string | null }),
        signal,
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Changes a member's role. Refreshes members and `me` (your own role may have changed). */
export function useChangeRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<Member, ApiError, { userId: string; role: Role }>({
    mutationFn: ({ userId, role }) => api.patch<Member>(membersPath(orgId, userId), { role }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true }),
      ]);
    },
  });
}

/** Removes a member from the organisation. */
export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { userId: string }>({
    mutationFn: ({ userId }) => api.delete(membersPath(orgId, userId)),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true }),
      ]);
    },
  });
}
