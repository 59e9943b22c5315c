import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api, withQuery } from "./client";
import { queryKeys } from "./query-keys";
import type { ApiToken, CreatedApiToken, Page } from "./types";

/** The signed-in user's personal API tokens. */
export function useTokens() {
  return useInfiniteQuery<Page<ApiToken>, ApiError>({
    queryKey: queryKeys.tokens,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ApiToken>>(withQuery("/api/v1/me/tokens", { cursor: pageParam as string | null }), signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Creates a personal API token; the secret is only in this response. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation<CreatedApiToken, ApiError, { name: string }>({
    mutationFn: (input) => api.post<CreatedApiToken>("/api/v1/me/tokens", input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
}

/** Revokes a personal API token. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { tokenId: string }>({
    mutationFn: ({ tokenId }) => api.delete(`/api/v1/me/tokens/${encodeURIComponent(tokenId)}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
}
