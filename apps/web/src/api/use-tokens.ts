import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import { queryKeys } from "./query-keys";
import type { ApiToken, CreatedApiToken, Page } from "./types";

/** The signed-in user's personal API tokens. */
export function useTokens() {
  return useInfiniteQuery<Page<ApiToken>, ApiError>({
    queryKey: queryKeys.tokens,
    queryFn: ({ pageParam, signal }) =>
      answer(
        client.GET("/api/v1/me/tokens", {
          params: { query: { cursor: (pageParam as string | null) ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Creates a personal API token; the secret is only in this response. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation<CreatedApiToken, ApiError, { name: string }>({
    mutationFn: (input) => answer(client.POST("/api/v1/me/tokens", { body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
}

/** Revokes a personal API token. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { tokenId: string }>({
    mutationFn: async ({ tokenId }) => {
      await answer(client.DELETE("/api/v1/me/tokens/{tokenId}", { params: { path: { tokenId } } }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
}
