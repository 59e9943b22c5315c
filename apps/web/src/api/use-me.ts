import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import { queryKeys } from "./query-keys";
import type { Me, OrgMembership } from "./types";

/** The signed-in user and their organisations. Errors with status 401 when signed out. */
export function useMe() {
  return useQuery<Me, ApiError>({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => answer(client.GET("/api/v1/me", { signal })),
    staleTime: 60_000,
  });
}

/** Creates an organisation (the creator becomes its admin) and refreshes `me`. */
export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation<OrgMembership, ApiError, { name: string }>({
    mutationFn: (input) => answer(client.POST("/api/v1/orgs", { body: input })),
    onSuccess: async (org) => {
      queryClient.setQueryData<Me>(queryKeys.me, (me) =>
        me && !me.orgs.some((o) => o.id === org.id) ? { ...me, orgs: [...me.orgs, org] } : me,
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
