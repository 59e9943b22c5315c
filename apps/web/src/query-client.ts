import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/api-error";
import { isClientError } from "./api/client";
import { queryKeys } from "./api/query-keys";

/**
 * Creates the app's QueryClient: no retries for 4xx, and any 401 outside `me` re-checks the session
 * so the auth guard can send the user to sign-in.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => handleUnauthenticated(error, query.queryKey),
    }),
    mutationCache: new MutationCache({
      onError: (error) => handleUnauthenticated(error, []),
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        refetchOnWindowFocus: true,
      },
    },
  });

  function handleUnauthenticated(error: unknown, key: readonly unknown[]): void {
    const isMe = key.length === 1 && key[0] === queryKeys.me[0];
    if (error instanceof ApiError && error.status === 401 && !isMe) {
      void client.invalidateQueries({ queryKey: queryKeys.me, exact: true });
    }
  }

  return client;
}
