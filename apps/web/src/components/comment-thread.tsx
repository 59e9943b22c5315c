import { Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { CheckIn } from "../api/okr-types";
import { type Comment, useAddComment, useComments } from "../api/use-comments";
import { formatDateTime, formatRelative } from "../lib/format-date";
import { formatPercent } from "../lib/format-progress";
import { notifyError } from "../lib/notify";
import { ErrorAlert } from "./error-alert";

/** Props of {@link CommentThread}. */
export interface CommentThreadProps {
  keyResultId: string;
  /** Its check-ins, to comment on one and to name the one a comment is about. */
  checkIns: CheckIn[];
  canComment: boolean;
}

function aboutLabel(comment: Comment, checkIns: readonly CheckIn[]): string | null {
  if (comment.checkInId === null) return null;
  const checkIn = checkIns.find((candidate) => candidate.id === comment.checkInId);
  return checkIn
    ? `on the check-in of ${formatDateTime(checkIn.createdAt)} (${formatPercent(checkIn.progress)})`
    : "on a check-in";
}

/** The key result's comments, oldest first, and (for who may edit it) a form to add one. */
export function CommentThread({ keyResultId, checkIns, canComment }: CommentThreadProps) {
  const comments = useComments(keyResultId);
  const add = useAddComment(keyResultId);
  const [body, setBody] = useState("");
  const [about, setAbout] = useState("");
  const recent = [...checkIns].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, 20);
  const submit = async () => {
    try {
      await add.mutateAsync({ body: body.trim(), ...(about ? { checkInId: about } : {}) });
      setBody("");
      setAbout("");
    } catch (error) {
      notifyError(error, "Couldn't add the comment");
    }
  };
  return (
    <Stack gap="sm">
      {comments.isError && <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />}
      {comments.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      {comments.data && comments.data.length > 0 && (
        <Stack gap="xs" component="ul" m={0} p={0} aria-label="Comments">
          {comments.data.map((comment) => (
            <li key={comment.id} style={{ listStyle: "none" }}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {comment.body}
              </Text>
              <Text size="xs" c="dimmed">
                {comment.author?.name ?? "Former member"} · {formatRelative(comment.createdAt)}
                {aboutLabel(comment, checkIns) && ` · ${aboutLabel(comment, checkIns)}`}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {canComment && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label="Add a comment"
              placeholder="A status note: what changed, what blocks it"
              autosize
              minRows={2}
              maxLength={4000}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
            />
            <Group justify="space-between" align="flex-end" gap="sm">
              {recent.length > 0 && (
                <NativeSelect
                  label="About"
                  value={about}
                  onChange={(event) => setAbout(event.currentTarget.value)}
                  data={[
                    { value: "", label: "The key result" },
                    ...recent.map((checkIn) => ({
                      value: checkIn.id,
                      label: `Check-in of ${formatDateTime(checkIn.createdAt)} (${formatPercent(checkIn.progress)})`,
                    })),
                  ]}
                  style={{ flex: "1 1 14rem", minWidth: 0 }}
                />
              )}
              <Button type="submit" disabled={body.trim() === ""} loading={add.isPending}>
                Comment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
