import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import type { Portfolio, PortfolioMember, PortfolioRole } from "./portfolio-types";
import { queryKeys } from "./query-keys";
import type { Page } from "./types";

/** The `{id}` path parameter of a portfolio's routes. */
function byId(id: string) {
  return { params: { path: { id } } };
}

/** The organisation's portfolios the user belongs to (admins: all), page by page. */
export function usePortfolios(orgId: string) {
  return useInfiniteQuery<Page<Portfolio>, ApiError>({
    queryKey: queryKeys.portfolios(orgId),
    queryFn: ({ pageParam, signal }) =>
      answer(
        client.GET("/api/v1/orgs/{orgId}/portfolios", {
          params: {
            path: { orgId },
            query: { limit: 50, cursor: (pageParam as string | null) ?? undefined },
          },
          signal,
        }),
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Portfolios of other organisations the user is an external member of. */
export function useExternalPortfolios() {
  return useQuery<Portfolio[], ApiError>({
    queryKey: ["me", "portfolios"],
    queryFn: async ({ signal }) => (await answer(client.GET("/api/v1/me/portfolios", { signal }))).items,
  });
}

/** Creates a portfolio; the creator is its Portfolio Manager. */
export function useCreatePortfolio(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<Portfolio, ApiError, { name: string; description: string }>({
    mutationFn: (input) =>
      answer(client.POST("/api/v1/orgs/{orgId}/portfolios", { params: { path: { orgId } }, body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolios(orgId) });
    },
  });
}

/** One portfolio with the caller's permissions. */
export function usePortfolio(id: string) {
  return useQuery<Portfolio, ApiError>({
    queryKey: queryKeys.portfolio(id),
    queryFn: ({ signal }) => answer(client.GET("/api/v1/portfolios/{id}", { ...byId(id), signal })),
  });
}

/** Renames or re-describes a portfolio. */
export function useUpdatePortfolio(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Portfolio, ApiError, { name?: string; description?: string }>({
    mutationFn: (input) => answer(client.PATCH("/api/v1/portfolios/{id}", { ...byId(id), body: input })),
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
    mutationFn: async () => {
      await answer(client.DELETE("/api/v1/portfolios/{id}", byId(id)));
    },
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
      (
        await answer(
          client.GET("/api/v1/portfolios/{id}/members", {
            params: { path: { id }, query: { limit: 200 } },
            signal,
          }),
        )
      ).items,
  });
}

/** Adds a member or changes their role. */
export function useSetPortfolioMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation<PortfolioMember, ApiError, { userId: string; role: PortfolioRole }>({
    mutationFn: ({ userId, role }) =>
      answer(
        client.PUT("/api/v1/portfolios/{id}/members/{userId}", {
          params: { path: { id, userId } },
          body: { role },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(id) });
    },
  });
}

/** Adds a member (of this organisation or another) by the e-mail of their Goalpost account. */
export function useAddPortfolioMemberByEmail(id: string) {
  const queryClient = useQueryClient();
  return useMutation<PortfolioMember, ApiError, { email: string; role: PortfolioRole }>({
    mutationFn: (input) =>
      answer(client.POST("/api/v1/portfolios/{id}/members", { ...byId(id), body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(id) });
    },
  });
}

/** Removes a member. */
export function useRemovePortfolioMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { userId: string }>({
    mutationFn: async ({ userId }) => {
      await answer(
        client.DELETE("/api/v1/portfolios/{id}/members/{userId}", { params: { path: { id, userId } } }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(id) });
    },
  });
}
