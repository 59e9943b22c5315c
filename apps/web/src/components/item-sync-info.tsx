import { useRefreshMeasuredItem } from "../api/use-measured-items";
import type { MeasuredEntry } from "../lib/measured-kind";
import { notifyError } from "../lib/notify";
import { SyncInfo } from "./sync-info";

/** A Jira-linked item's last sync, stale badge and "refresh from Jira now" button, wherever it is shown. */
export function ItemSyncInfo({ entry }: { entry: MeasuredEntry }) {
  const refresh = useRefreshMeasuredItem(entry.kind);
  const { item } = entry;
  return (
    <SyncInfo
      label={item.title}
      state={item.state}
      refreshing={refresh.isPending}
      onRefresh={() =>
        refresh.mutate(
          { id: item.id },
          { onError: (error) => notifyError(error, "Couldn't refresh from Jira") },
        )
      }
    />
  );
}
