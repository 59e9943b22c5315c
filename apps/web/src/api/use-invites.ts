import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import { queryKeys } from "./query-keys";
import type { CreatedInvite, Invite, InviteInfo, Page, Role } from "./types";

/** Pending invites of an organisation (admins only). */
export function useInvites(orgId: string, enabled = true) {
  return useInfiniteQuery<Page<Invite>, ApiError>({
    queryKey: queryKeys.invites(orgId),
    queryFn: ({ pageParam, signal }) =>
      answer(
        client.GET("/api/v1/orgs/{orgId}/invites", {
          params: { path: { orgId }, query: { cursor: (pageParam as string | null) ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Creates an invite link for a role (optionally addressed to one email). */
export function useCreateInvite(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<CreatedInvite, ApiError, { role: Role; email?: string }>({
    mutationFn: (input) =>
      answer(client.POST("/api/v1/orgs/{orgId}/invites", { params: { path: { orgId } }, body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.invites(orgId) });
    },
  });
}

/** Revokes a pending invite. */
export function useRevokeInvite(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { inviteId: string }>({
    mutationFn: async ({ inviteId }) => {
      await answer(
        client.DELETE("/api/v1/orgs/{orgId}/invites/{inviteId}", { params: { path: { orgId, inviteId } } }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.invites(orgId) });
    },
  });
}

/** Public details of an invite token (no sign-in needed). */
export function useInviteInfo(token: string | null | undefined) {
  return useQuery<InviteInfo, ApiError>({
    queryKey: queryKeys.inviteInfo(token ?? ""),
    queryFn: ({ signal }) =>
      answer(client.GET("/api/v1/invites/{token}", { params: { path: { token: token ?? "" } }, signal })),
    enabled: Boolean(token),
    retry: false,
  });
}

/** Accepts an invite as the signed-in user and refreshes `me`. */
export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation<{ orgId: string; role: Role }, ApiError, { token: string }>({
    mutationFn: ({ token }) =>
      answer(client.POST("/api/v1/invites/{token}/accept", { params: { path: { token } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true });
    },
  });
}
