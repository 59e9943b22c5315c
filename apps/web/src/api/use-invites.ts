import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api, withQuery } from "./client";
import { queryKeys } from "./query-keys";
import type { CreatedInvite, Invite, InviteInfo, Page, Role } from "./types";

function invitesPath(orgId: string, inviteId?: string): string {
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/invites`;
  return inviteId ? `${base}/${encodeURIComponent(inviteId)}` : base;
}

/** Pending invites of an organisation (admins only). */
export function useInvites(orgId: string, enabled = true) {
  return useInfiniteQuery<Page<Invite>, ApiError>({
    queryKey: queryKeys.invites(orgId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Invite>>(withQuery(invitesPath(orgId), { cursor: pageParam as string | null }), signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Creates an invite link for a role (optionally addressed to one email). */
export function useCreateInvite(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<CreatedInvite, ApiError, { role: Role; email?: string }>({
    mutationFn: (input) => api.post<CreatedInvite>(invitesPath(orgId), input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.invites(orgId) });
    },
  });
}

/** Revokes a pending invite. */
export function useRevokeInvite(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { inviteId: string }>({
    mutationFn: ({ inviteId }) => api.delete(invitesPath(orgId, inviteId)),
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
      api.get<InviteInfo>(`/api/v1/invites/${encodeURIComponent(token ?? "")}`, signal),
    enabled: Boolean(token),
    retry: false,
  });
}

/** Accepts an invite as the signed-in user and refreshes `me`. */
export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation<{ orgId: string; role: Role }, ApiError, { token: string }>({
    mutationFn: ({ token }) =>
      api.post<{ orgId: string; role: Role }>(`/api/v1/invites/${encodeURIComponent(token)}/accept`, {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true });
    },
  });
}
