import { Alert, Anchor, Box, Code, Group, List, Loader, Stack, Text, Textarea } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconCircleCheck, IconInfoCircle, IconX } from "@tabler/icons-react";
import { ApiError } from "../api/api-error";
import type { JqlCheckRequest } from "../api/jira-types";
import { useJqlCheck } from "../api/use-jira-connections";
import { draftCheckRequest, type MeasuredDraft } from "../lib/measured-draft";
import { useTypingPause } from "../lib/typing-pause";
import { wouldBeValue } from "../lib/would-be-value";

/** How long typing must pause before the query is sent to Jira for validation. */
export const JQL_DEBOUNCE_MS = 500;

/** Props of {@link JqlEditor}. */
export interface JqlEditorProps {
  connectionId: string | null;
  draft: MeasuredDraft;
  onChange: (jql: string) => void;
  error?: string;
  /** "key result" or "objective". */
  subject: string;
  /** The connection's Jira site, to link the previewed issues. */
  siteUrl?: string;
}

function jiraMessages(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const jira = error.details?.jira;
  if (Array.isArray(jira)) return jira.filter((m): m is string => typeof m === "string");
  return [];
}

/**
 * The JQL query with live validation by Jira itself: once typing pauses, Jira's own error messages, or the
 * number of matching issues with a preview and the value the item would get, before anything is saved.
 */
export function JqlEditor({ connectionId, draft, onChange, error, subject, siteUrl }: JqlEditorProps) {
  // Debounce the whole request (query, metric, measure) as text: one check once editing pauses.
  const requestText = JSON.stringify(draftCheckRequest(draft));
  const [debounced] = useDebouncedValue(requestText, useTypingPause(JQL_DEBOUNCE_MS));
  const check = useJqlCheck(connectionId, JSON.parse(debounced) as JqlCheckRequest);
  const typing = debounced !== requestText;
  const trimmed = draft.jql.trim();
  const result = check.data;
  const value = result?.valid ? wouldBeValue(result, draft) : null;

  return (
    <Stack gap={6}>
      <Textarea
        label="JQL query"
        description="Copy it from Jira's issue search (Advanced), e.g. &quot;Epic Link&quot; = AE-786"
        placeholder='"Epic Link" = AE-786'
        autosize
        minRows={2}
        maxRows={8}
        value={draft.jql}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        spellCheck={false}
        aria-describedby="jql-check-status"
      />
      <Box id="jql-check-status" aria-live="polite">
        {trimmed !== "" && connectionId !== null && (typing || check.isFetching) && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Checking with Jira…
            </Text>
          </Group>
        )}
        {!typing && !check.isFetching && check.isError && (
          <Alert color="red" variant="light" icon={<IconX size={16} />} title="Jira couldn't check the query">
            <Text size="sm">{check.error.message}</Text>
            {jiraMessages(check.error).map((message) => (
              <Text size="sm" key={message}>
                {message}
              </Text>
            ))}
          </Alert>
        )}
        {!typing && !check.isFetching && result && !result.valid && (
          <Alert
            color="red"
            variant="light"
            icon={<IconX size={16} />}
            title="Jira says the query is invalid"
          >
            <List size="sm" spacing={2}>
              {result.errors.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {!typing && !check.isFetching && result?.valid && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />} title="Valid query">
            <Text size="sm">
              {result.matchCount === null
                ? "Jira did not say how many issues match."
                : `${result.matchCount} matching ${result.matchCount === 1 ? "issue" : "issues"}`}
              {value && ` · this ${subject} would get ${value.label}`}
              {value?.partial && " (from the first 5,000 issues)"}
            </Text>
            {value === null && (
              <Text size="xs" c="dimmed">
                The value is computed from the issues' fields when you save.
              </Text>
            )}
            {result.preview.length > 0 && (
              <List size="xs" mt={4} spacing={0} c="dimmed">
                {result.preview.map((issue) => (
                  <List.Item key={issue.key}>
                    {siteUrl ? (
                      <Anchor
                        href={`${siteUrl}/browse/${encodeURIComponent(issue.key)}`}
                        target="_blank"
                        rel="noreferrer"
                        size="xs"
                      >
                        <Code>{issue.key}</Code>
                      </Anchor>
                    ) : (
                      <Code>{issue.key}</Code>
                    )}{" "}
                    {issue.summary}
                  </List.Item>
                ))}
              </List>
            )}
            {result.warnings.map((message) => (
              <Text size="xs" c="orange" key={message}>
                {message}
              </Text>
            ))}
          </Alert>
        )}
      </Box>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconInfoCircle
          size={16}
          style={{ flexShrink: 0, marginTop: 2 }}
          color="var(--mantine-color-dimmed)"
        />
        <Text size="xs" c="dimmed">
          Team-managed (next-gen) projects don't support <Code>"Epic Link"</Code>: query their epics with{" "}
          <Code>parent = KEY</Code>. To combine both kinds of project:{" "}
          <Code>"Epic Link" = NPC-6 OR parent = NJDP-5</Code>.
        </Text>
      </Group>
    </Stack>
  );
}
