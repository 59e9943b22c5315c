import type { KeyResultListItem } from "../api/okr-types";
import type { OkrScope } from "../lib/okr-scope";
import { KeyResultRow } from "./key-result-row";

/** An objective's key results, one row each (on its card and on its page). */
export function KeyResultList({
  scope,
  objective,
}: {
  scope: OkrScope;
  objective: { title: string; keyResults: readonly KeyResultListItem[] };
}) {
  return (
    <ul aria-label={`Key results of ${objective.title}`} style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {objective.keyResults.map((keyResult) => (
        <li key={keyResult.id}>
          <KeyResultRow scope={scope} keyResult={keyResult} />
        </li>
      ))}
    </ul>
  );
}
