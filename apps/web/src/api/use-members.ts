import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import { queryKeys } from "./query-keys";
import type { Member, Page, Role } from "./types";

const PAGE_SIZE = 50;

/** Members of an organisation, fetched page by page ("Load more"). */
export function useMembers(orgId: string) {
  return useInfiniteQuery<Page<Member>, ApiError>({
    queryKey: queryKeys.members(orgId),
    queryFn: ({ pageParam, signal }) =>
      answer(
        client.GET("/api/v1/orgs/{orgId}/members", {
          params: {
            path: { orgId },
            query: { limit: PAGE_SIZE, cursor: (pageParam as string | null) ?? undefined },
          },
          signal,
        }),
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Changes a member's role. Refreshes members and `me` (your own role may have changed). */
export function useChangeRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<Member, ApiError, { userId: string; role: Role }>({
    mutationFn: ({ userId, role }) =>
      answer(
        client.PATCH("/api/v1/orgs/{orgId}/members/{userId}", {
          params: { path: { orgId, userId } },
          body: { role },
        }),
      ),
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
    mutationFn: async ({ userId }) => {
      await answer(
        client.DELETE("/api/v1/orgs/{orgId}/members/{userId}", { params: { path: { orgId, userId } } }),
      );
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true }),
      ]);
    },
  });
}
