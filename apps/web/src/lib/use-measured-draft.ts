import { useCallback, useState } from "react";
import { type MeasuredDraft, updateDraft } from "./measured-draft";

/** The editor's draft and a stable patch function (safe in effects and memoised children). */
export function useMeasuredDraft(initial: () => MeasuredDraft) {
  const [draft, setDraft] = useState(initial);
  const change = useCallback(
    (patch: Partial<MeasuredDraft>) => setDraft((current) => updateDraft(current, patch)),
    [],
  );
  return { draft, change, reset: setDraft };
}
