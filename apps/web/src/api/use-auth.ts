import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, api, client } from "./client";
import type { RequestBody, ResponseBody } from "./schema";

/** Sign-up request body: exactly one of `orgName` / `inviteToken`. */
export type SignUpInput = RequestBody<"/api/v1/signup", "post">;

/** Sign-up response. */
export type SignUpResult = ResponseBody<"/api/v1/signup", "post">;

/** Creates an account (and an org, or joins one via invite); the server sets the session cookie. */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation<SignUpResult, ApiError, SignUpInput>({
    mutationFn: (input) => answer(client.POST("/api/v1/signup", { body: input })),
    onSuccess: () => {
      queryClient.clear();
    },
  });
}

/** Signs in with email and password through better-auth. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { email: string; password: string }>({
    mutationFn: (input) => api.post<unknown>("/api/auth/sign-in/email", input),
    onSuccess: () => {
      queryClient.clear();
    },
  });
}

/** Signs out; the caller navigates away and then clears the query cache. */
export function useSignOut() {
  return useMutation<unknown, ApiError, void>({
    mutationFn: () => api.post<unknown>("/api/auth/sign-out", {}),
  });
}

/** Renames the signed-in user (better-auth `update-user`); the caller's `me` is re-read. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { name: string }>({
    mutationFn: (input) => api.post<unknown>("/api/auth/update-user", input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
}

/** Changes the password (the current one is required); other sessions are signed out. */
export function useChangePassword() {
  return useMutation<unknown, ApiError, { currentPassword: string; newPassword: string }>({
    mutationFn: (input) =>
      api.post<unknown>("/api/auth/change-password", { ...input, revokeOtherSessions: true }),
  });
}

/** Signs out every session of the account, this one included; the caller navigates to sign-in. */
export function useSignOutEverywhere() {
  return useMutation<unknown, ApiError, void>({
    mutationFn: () => api.post<unknown>("/api/auth/revoke-sessions", {}),
  });
}
