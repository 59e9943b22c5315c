import { useQuery } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import { queryKeys } from "./query-keys";
import type { Member } from "./types";

/** The organisation's members in one request (owner pickers and names), largest page the API allows. */
export function useMemberDirectory(orgId: string) {
  return useQuery<Member[], ApiError>({
    queryKey: queryKeys.memberDirectory(orgId),
    queryFn: async ({ signal }) => {
      const page = await answer(
        client.GET("/api/v1/orgs/{orgId}/members", {
          params: { path: { orgId }, query: { limit: 200 } },
          signal,
        }),
      );
      return page.items;
    },
    staleTime: 5 * 60_000,
  });
}
