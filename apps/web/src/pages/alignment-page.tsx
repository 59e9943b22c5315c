import {
  Anchor,
  Box,
  Button,
  Container,
  Group,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Text,
} from "@mantine/core";
import { IconArrowLeft, IconHierarchy } from "@tabler/icons-react";
import { Link, useSearchParams } from "react-router";
import { type AlignmentNode, useAlignmentTree } from "../api/use-alignment";
import { useMemberDirectory } from "../api/use-member-directory";
import { usePeriods } from "../api/use-periods";
import { ErrorAlert } from "../components/error-alert";
import { PageHeader } from "../components/page-header";
import { StatusMessage } from "../components/status-message";
import { StatusProgress } from "../components/status-progress";
import { objectivePath, orgPath } from "../lib/org-paths";
import { pickCurrentPeriodId } from "../lib/quarters";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";

/** `/o/:orgId/goals/alignment`: a period's objectives as their alignment tree, progress rolled up. */
export function AlignmentPage() {
  const org = useOrg();
  usePageTitle("Alignment", org.name);
  const periods = usePeriods(org.id);
  const [searchParams, setSearchParams] = useSearchParams();
  const periodList = periods.data ?? [];
  const requested = searchParams.get("period");
  const periodId =
    requested && periodList.some((period) => period.id === requested)
      ? requested
      : pickCurrentPeriodId(periodList, new Date());
  const period = periodList.find((candidate) => candidate.id === periodId);
  const tree = useAlignmentTree(org.id, periodId);
  const names = useMemberDirectory(org.id);
  const goalsLink = periodId
    ? `${orgPath(org.id, "goals")}?period=${encodeURIComponent(periodId)}`
    : orgPath(org.id);

  return (
    <Container size="lg" p={0}>
      <Anchor component={Link} to={goalsLink} size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> Goals
      </Anchor>
      <PageHeader
        title="Alignment"
        description="How objectives build on each other: each parent's progress includes the objectives aligned to it, by their weight."
        actions={
          periodList.length > 0 && (
            <NativeSelect
              label="Period"
              data={periodList.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              value={periodId ?? ""}
              onChange={(event) => setSearchParams({ period: event.currentTarget.value }, { replace: true })}
              w={160}
            />
          )
        }
      />
      {periods.isError && <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />}
      {tree.isError && <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />}
      {(periods.isPending || tree.isPending) && <Skeleton h={200} radius="lg" />}
      {tree.isSuccess && tree.data.length === 0 && (
        <Paper withBorder radius="lg" p="xl">
          <StatusMessage
            icon={<IconHierarchy size={30} />}
            title={`No objectives in ${period?.name ?? "this period"}`}
            description="Objectives appear here once they exist; align one to another from its editor (Aligned to)."
            action={
              <Button component={Link} to={goalsLink} variant="default">
                Go to goals
              </Button>
            }
          />
        </Paper>
      )}
      {tree.isSuccess && tree.data.length > 0 && (
        <Paper withBorder radius="lg" p="md">
          <Stack
            gap={0}
            component="ul"
            role="tree"
            aria-label={`Alignment of ${period?.name ?? "the period"}`}
            m={0}
            p={0}
          >
            {tree.data.map((node) => (
              <TreeRow
                key={node.id}
                node={node}
                orgId={org.id}
                ownerName={names.data?.find((member) => member.userId === node.ownerId)?.name}
              />
            ))}
          </Stack>
        </Paper>
      )}
    </Container>
  );
}

function TreeRow({
  node,
  orgId,
  ownerName,
}: {
  node: AlignmentNode;
  orgId: string;
  ownerName?: string | undefined;
}) {
  return (
    <Box
      component="li"
      role="treeitem"
      aria-level={node.depth + 1}
      aria-label={node.title}
      py="xs"
      style={{
        listStyle: "none",
        paddingLeft: `calc(${Math.min(node.depth, 6)} * var(--mantine-spacing-lg))`,
        borderTop: node.depth === 0 ? "1px solid var(--mantine-color-default-border)" : undefined,
      }}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={0} style={{ minWidth: 0, flex: "1 1 14rem" }}>
          <Anchor
            component={Link}
            to={objectivePath(orgId, node.id)}
            fw={600}
            style={{ overflowWrap: "anywhere" }}
          >
            {node.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[
              ownerName,
              node.parentId ? `weight ${node.weight} in its parent` : null,
              node.childIds.length > 0 ? `${node.childIds.length} aligned` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Stack>
        <Box style={{ flex: "1 1 16rem", minWidth: 0 }}>
          <StatusProgress
            label={node.title}
            isJiraLinked={false}
            size="sm"
            state={{
              value: null,
              progress: node.progress,
              expected: node.expected,
              status: node.status,
              syncedAt: null,
              stale: null,
              noDataReason: null,
              noDataMessage: null,
              issueCount: null,
              doneCount: null,
            }}
          />
        </Box>
      </Group>
    </Box>
  );
}
