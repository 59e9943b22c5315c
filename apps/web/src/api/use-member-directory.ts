import { useQuery } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api, withQuery } from "./client";
import { queryKeys } from "./query-keys";
import type { Member, Page } from "./types";

/** The organisation's members in one request (owner pickers and names), largest page the API allows. */
export function useMemberDirectory(orgId: string) {
  return useQuery<Member[], ApiError>({
    queryKey: queryKeys.memberDirectory(orgId),
    queryFn: async ({ signal }) => {
      const path = withQuery(`/api/v1/orgs/${encodeURIComponent(orgId)}/members`, { limit: 200 });
      return (await api.get<Page<Member>>(path, signal)).items;
    },
    staleTime: 5 * 60_000,
  });
}
