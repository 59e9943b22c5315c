import { Text } from "@mantine/core";
import { useParams } from "react-router";
import type { Objective } from "../api/okr-types";
import { useObjectives } from "../api/use-objectives";
import { AlignedObjectives } from "../components/aligned-objectives";
import { KeyResultList } from "../components/key-result-list";
import { MeasuredItemLayout } from "../components/measured-item-layout";
import { MeasuredItemPage } from "../components/measured-item-page";
import { PageSection } from "../components/page-section";
import { useOkrScope } from "../lib/use-okr-scope";

/** `/o/:orgId/goals/objectives/:objectiveId`: an objective's progress over time, history and key results. */
export function ObjectivePage() {
  const { objectiveId = "" } = useParams();
  return (
    <MeasuredItemPage kind="objectives" id={objectiveId}>
      {(objective) => <ObjectiveDetails objective={objective} />}
    </MeasuredItemPage>
  );
}

function ObjectiveDetails({ objective }: { objective: Objective }) {
  const scope = useOkrScope();
  const siblings = useObjectives(scope.orgId, objective.periodId);
  const all = siblings.data ?? [];
  const parent = all.find((candidate) => candidate.id === objective.parentId) ?? null;
  const children = all.filter((candidate) => candidate.parentId === objective.id);
  return (
    <MeasuredItemLayout
      entry={{ kind: "objectives", item: objective }}
      parent={parent}
      candidates={all}
      sections={
        <>
          <PageSection id="krs-heading" title="Key results" flush>
            {objective.keyResults.length === 0 ? (
              <Text size="sm" c="dimmed" px="md" pb="md">
                No key results yet.
              </Text>
            ) : (
              <KeyResultList scope={scope} objective={objective} />
            )}
          </PageSection>
          {children.length > 0 && <AlignedObjectives orgId={scope.orgId} objectives={children} />}
        </>
      }
    />
  );
}
