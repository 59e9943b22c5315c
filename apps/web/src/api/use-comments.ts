import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import type { Schemas } from "./schema";

/** A status note on a key result, or on one of its check-ins. */
export type Comment = Schemas["Comment"];

const commentsKey = (keyResultId: string) => ["okrs", "comments", keyResultId] as const;

/** A key result's comments, oldest first. */
export function useComments(keyResultId: string) {
  return useQuery<Comment[], ApiError>({
    queryKey: commentsKey(keyResultId),
    queryFn: async ({ signal }) =>
      (
        await answer(
          client.GET("/api/v1/key-results/{id}/comments", { params: { path: { id: keyResultId } }, signal }),
        )
      ).items,
  });
}

/** Adds a comment to the key result, or to one of its check-ins. */
export function useAddComment(keyResultId: string) {
  const queryClient = useQueryClient();
  return useMutation<Comment, ApiError, { body: string; checkInId?: string }>({
    mutationFn: (input) =>
      answer(
        client.POST("/api/v1/key-results/{id}/comments", {
          params: { path: { id: keyResultId } },
          body: input,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: commentsKey(keyResultId) });
    },
  });
}
