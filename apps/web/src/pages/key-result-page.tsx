import { useParams } from "react-router";
import type { KeyResult } from "../api/okr-types";
import { useMeasuredHistory, useObjectiveTitle } from "../api/use-measured-items";
import { CheckInForm } from "../components/check-in-form";
import { CommentThread } from "../components/comment-thread";
import { MeasuredItemLayout } from "../components/measured-item-layout";
import { MeasuredItemPage } from "../components/measured-item-page";
import { PageSection } from "../components/page-section";

/** `/o/:orgId/goals/key-results/:keyResultId`: progress over time, forecast, check-ins and "why this number". */
export function KeyResultPage() {
  const { keyResultId = "" } = useParams();
  return (
    <MeasuredItemPage kind="key-results" id={keyResultId}>
      {(keyResult) => <KeyResultDetails keyResult={keyResult} />}
    </MeasuredItemPage>
  );
}

function KeyResultDetails({ keyResult }: { keyResult: KeyResult }) {
  const objectiveTitle = useObjectiveTitle(keyResult.objectiveId);
  const history = useMeasuredHistory("key-results", keyResult.id, keyResult.state.syncedAt);
  const canEdit = keyResult.canEdit;
  return (
    <MeasuredItemLayout
      entry={{ kind: "key-results", item: keyResult }}
      parent={{ id: keyResult.objectiveId, title: objectiveTitle ?? "Objective" }}
      sections={
        keyResult.dataSource === null &&
        canEdit && (
          <PageSection id="check-in-heading" title="Check in">
            <CheckInForm keyResult={keyResult} />
          </PageSection>
        )
      }
      footer={
        <PageSection id="comments-heading" title="Comments">
          <CommentThread
            keyResultId={keyResult.id}
            checkIns={history.data?.items ?? []}
            canComment={canEdit}
          />
        </PageSection>
      }
    />
  );
}
