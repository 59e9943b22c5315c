import { Divider, NativeSelect, Paper, Stack, Switch, Text } from "@mantine/core";
import { useCallback } from "react";
import { useJiraConnections } from "../api/use-jira-connections";
import type { MeasuredDraft } from "../lib/measured-draft";
import { ConnectionChoice } from "./connection-choice";
import { JqlEditor } from "./jql-editor";
import { MeasureFields } from "./measure-fields";
import { TrackBySelect } from "./track-by-select";

/** Props of {@link DataSourceEditor}. */
export interface DataSourceEditorProps {
  orgId: string;
  orgName: string;
  isAdmin: boolean;
  draft: MeasuredDraft;
  onChange: (patch: Partial<MeasuredDraft>) => void;
  errors: Record<string, string>;
  /** "key result" or "objective", for the sentences. */
  subject: string;
  /**
   * An objective is measured only through its own data source (otherwise it rolls up its key results):
   * the measure is then asked for once the source is on. A key result always has a measure.
   */
  measureOnlyWithSource?: boolean;
}

/**
 * How an item is measured and, once "Connect data source to auto-update progress" is on, where its number
 * comes from in Jira: the connection, what to track, and the JQL query checked live by Jira.
 */
export function DataSourceEditor({
  orgId,
  orgName,
  isAdmin,
  draft,
  onChange,
  errors,
  subject,
  measureOnlyWithSource = false,
}: DataSourceEditorProps) {
  const showMeasure = !measureOnlyWithSource || draft.useJira;
  const connections = useJiraConnections(orgId, draft.useJira);
  const siteUrl = connections.data?.find((connection) => connection.id === draft.connectionId)?.baseUrl;
  const setConnection = useCallback((connectionId: string | null) => onChange({ connectionId }), [onChange]);
  return (
    <Stack gap="md">
      {!measureOnlyWithSource && <MeasureFields draft={draft} onChange={onChange} errors={errors} />}
      {!measureOnlyWithSource && <Divider />}
      <Stack gap={2}>
        <Switch
          label="Connect data source to auto-update progress"
          checked={draft.useJira}
          onChange={(event) => onChange({ useJira: event.currentTarget.checked })}
          aria-describedby={`${subject.replace(/\s/g, "-")}-source-hint`}
        />
        <Text size="xs" c="dimmed" pl={46} id={`${subject.replace(/\s/g, "-")}-source-hint`}>
          {draft.useJira
            ? `The ${subject}'s progress follows the Jira issues its query matches.`
            : measureOnlyWithSource
              ? `Without a data source, the ${subject}'s progress is the weighted mean of its key results.`
              : "Without a data source, progress comes from manual check-ins."}
        </Text>
      </Stack>
      {draft.useJira && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="md">
            {measureOnlyWithSource && showMeasure && (
              <MeasureFields draft={draft} onChange={onChange} errors={errors} />
            )}
            <NativeSelect
              label="Data source"
              data={[{ value: "jira", label: "Jira" }]}
              value="jira"
              onChange={() => {}}
            />
            <ConnectionChoice
              orgId={orgId}
              orgName={orgName}
              isAdmin={isAdmin}
              value={draft.connectionId}
              onChange={setConnection}
              error={errors.connectionId}
            />
            {draft.connectionId && (
              <>
                <TrackBySelect
                  connectionId={draft.connectionId}
                  measureKind={draft.measureKind}
                  value={draft.metric}
                  onChange={(metric) => onChange({ metric })}
                  error={errors.metric}
                />
                <JqlEditor
                  connectionId={draft.connectionId}
                  draft={draft}
                  onChange={(jql) => onChange({ jql })}
                  error={errors.jql}
                  subject={subject}
                  siteUrl={siteUrl}
                />
              </>
            )}
            {!draft.connectionId && errors.jql && (
              <Text size="xs" c="red">
                {errors.jql}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
