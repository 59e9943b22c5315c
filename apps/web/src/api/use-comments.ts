import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api } from "./client";

/** A status note on a key result, or on one of its check-ins. */
export interface Comment {
  id: string;
  keyResultId: string;
  checkInId: string | null;
  author: { id: string; name: string } | null;
  body: string;
  createdAt: string;
}

const commentsKey = (keyResultId: string) => ["okrs", "comments", keyResultId] as const;
const commentsPath = (keyResultId: string) =>
  `/api/v1/key-results/${encodeURIComponent(keyResultId)}/comments`;

/** A key result's comments, oldest first. */
export function useComments(keyResultId: string) {
  return useQuery<Comment[], ApiError>({
    queryKey: commentsKey(keyResultId),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Comment[] }>(commentsPath(keyResultId), signal)).items,
  });
}

/** Adds a comment to the key result, or to one of its check-ins. */
export function useAddComment(keyResultId: string) {
  const queryClient = useQueryClient();
  return useMutation<Comment, ApiError, { body: string; checkInId?: string }>({
    mutationFn: (input) => api.post<Comment>(commentsPath(keyResultId), input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: commentsKey(keyResultId) });
    },
  });
}
