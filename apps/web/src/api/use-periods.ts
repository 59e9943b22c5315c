import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import type { Period } from "./okr-types";
import { queryKeys } from "./query-keys";

/** Every period of the organisation (one request: organisations have a handful per year). */
export function usePeriods(orgId: string) {
  return useQuery<Period[], ApiError>({
    queryKey: queryKeys.periods(orgId),
    queryFn: async ({ signal }) =>
      (
        await answer(
          client.GET("/api/v1/orgs/{orgId}/periods", {
            params: { path: { orgId }, query: { limit: 200 } },
            signal,
          }),
        )
      ).items,
  });
}

/** Adds a period (`{ name, start, end }`). */
export function useCreatePeriod(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<Period, ApiError, { name: string; start: string; end: string }>({
    mutationFn: (input) =>
      answer(client.POST("/api/v1/orgs/{orgId}/periods", { params: { path: { orgId } }, body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.periods(orgId) });
    },
  });
}

/** Renames or re-dates a period (admins). */
export function useUpdatePeriod(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<Period, ApiError, { id: string; input: { name: string; start: string; end: string } }>({
    mutationFn: ({ id, input }) =>
      answer(client.PATCH("/api/v1/periods/{id}", { params: { path: { id } }, body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.periods(orgId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.okrs });
    },
  });
}

/** Deletes a period with its objectives, key results and history (admins). */
export function useDeletePeriod(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { id: string }>({
    mutationFn: async ({ id }) => {
      await answer(client.DELETE("/api/v1/periods/{id}", { params: { path: { id } } }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.periods(orgId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.okrs });
    },
  });
}
