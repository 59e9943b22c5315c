import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api } from "./client";
import type { User } from "./types";

/** Sign-up request body: exactly one of `orgName` / `inviteToken`. */
export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  orgName?: string;
  inviteToken?: string;
}

/** Sign-up response. */
export interface SignUpResult {
  user: User;
  orgId: string;
}

/** Creates an account (and an org, or joins one via invite); the server sets the session cookie. */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation<SignUpResult, ApiError, SignUpInput>({
    mutationFn: (input) => api.post<SignUpResult>("/api/v1/signup", input),
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
