import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api, withQuery } from "./client";
import type { Period } from "./okr-types";
import { queryKeys } from "./query-keys";
import type { Page } from "./types";

function periodsPath(orgId: string): string {
  return `/api/v1/orgs/${encodeURIComponent(orgId)}/periods`;
}

/** Every period of the organisation (one request: organisations have a handful per year). */
export function usePeriods(orgId: string) {
  return useQuery<Period[], ApiError>({
    queryKey: queryKeys.periods(orgId),
    queryFn: async ({ signal }) =>
      (await api.get<Page<Period>>(withQuery(periodsPath(orgId), { limit: 200 }), signal)).items,
  });
}

/** Adds a period (`{ name, start, end }`). */
export function useCreatePeriod(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<Period, ApiError, { name: string; start: string; end: string }>({
    mutationFn: (input) => api.post<Period>(periodsPath(orgId), input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.periods(orgId) });
    },
  });
}

/** Renames or re-dates a period (admins). */
export function useUpdatePeriod(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<Period, ApiError, { id: string; input: { name: string; start: string; end: string } }>({
    mutationFn: ({ id, input }) => api.patch<Period>(`/api/v1/periods/${encodeURIComponent(id)}`, input),
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
    mutationFn: ({ id }) => api.delete(`/api/v1/periods/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.periods(orgId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.okrs });
    },
  });
}
