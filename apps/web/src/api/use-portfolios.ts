import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api, withQuery } from "./client";
import type { Portfolio, PortfolioMember, PortfolioRole } from "./portfolio-types";
import { queryKeys } from "./query-keys";
import type { Page } from "./types";

const enc = encodeURIComponent;

/** The organisation's portfolios the user belongs to (admins: all), page by page. */
export function usePortfolios(orgId: string) {
  return useInfiniteQuery<Page<Portfolio>, ApiError>({
    queryKey: queryKeys.portfolios(orgId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Portfolio>>(
        withQuery(`/api/v1/orgs/${enc(orgId)}/portfolios`, { limit: 50, cursor: pageParam as string | null }),
        signal,
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Portfolios of other organisations the user is an external member of. */
export function useExternalPortfolios() {
  return useQuery<Portfolio[], ApiError>({
    queryKey: ["me", "portfolios"],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Portfolio[] }>("/api/v1/me/portfolios", signal)).items,
  });
}

/** Creates a portfolio; the creator is its Portfolio Manager. */
export function useCreatePortfolio(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<Portfolio, ApiError, { name: string; description: string }>({
    mutationFn: (input) => api.post<Portfolio>(`/api/v1/orgs/${enc(orgId)}/portfolios`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolios(orgId) });
    },
  });
}

/** One portfolio with the caller's permissions. */
export function usePortfolio(id: string) {
  return useQuery<Portfolio, ApiError>({
    queryKey: queryKeys.portfolio(id),
    queryFn: ({ signal }) => api.get<Portfolio>(`/api/v1/portfolios/${enc(id)}`, signal),
  });
}

/** Renames or re-describes a portfolio. */
export function useUpdatePortfolio(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Portfolio, ApiError, { name?: string; description?: string }>({
    mutationFn: (input) => api.patch<Portfolio>(`/api/v1/portfolios/${enc(id)}`, input),
    onSuccess: async (portfolio) => {
      queryClient.setQueryData(queryKeys.portfolio(id), portfolio);
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolios(portfolio.orgId) });
    },
  });
}

/** Deletes a portfolio with everything in it. */
export function useDeletePortfolio(id: string, orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, undefined>({
    mutationFn: () => api.delete(`/api/v1/portfolios/${enc(id)}`),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.portfolio(id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolios(orgId) });
    },
  });
}

/** The portfolio's members (a handful: the first page holds them all). */
export function usePortfolioMembers(id: string) {
  return useQuery<PortfolioMember[], ApiError>({
    queryKey: queryKeys.portfolioMembers(id),
    queryFn: async ({ signal }) =>
      (await api.get<Page<PortfolioMember>>(`/api/v1/portfolios/${enc(id)}/members?limit=200`, signal)).items,
  });
}

/** Adds a member or changes their role. */
export function useSetPortfolioMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation<PortfolioMember, ApiError, { userId: string; role: PortfolioRole }>({
    mutationFn: ({ userId, role }) =>
      api.put<PortfolioMember>(`/api/v1/portfolios/${enc(id)}/members/${enc(userId)}`, { role }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(id) });
    },
  });
}

/** Adds a member (of this organisation or another) by the e-mail of their Goalpost account. */
export function useAddPortfolioMemberByEmail(id: string) {
  const queryClient = useQueryClient();
  return useMutation<PortfolioMember, ApiError, { email: string; role: PortfolioRole }>({
    mutationFn: (input) => api.post<PortfolioMember>(`/api/v1/portfolios/${enc(id)}/members`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(id) });
    },
  });
}

/** Removes a member. */
export function useRemovePortfolioMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { userId: string }>({
    mutationFn: ({ userId }) => api.delete(`/api/v1/portfolios/${enc(id)}/members/${enc(userId)}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(id) });
    },
  });
}
