import { notifications } from "@mantine/notifications";
import { errorMessage } from "../api/api-error";

/** Shows a green confirmation toast. */
export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: "teal", title, message, autoClose: 4000 });
}

/** Shows a red toast with the API's (human) error message. */
export function notifyError(error: unknown, title = "Something went wrong"): void {
  notifications.show({ color: "red", title, message: errorMessage(error), autoClose: 8000 });
}

/** After a refresh: the new number, or why Jira could not be read (the last good value is kept). */
export function notifyRefreshed(item: {
  title: string;
  state: { progress: number | null; stale: { message: string } | null; refreshing?: boolean | undefined };
}): void {
  if (item.state.refreshing) {
    notifications.show({
      color: "blue",
      title: `Still reading Jira for ${item.title}`,
      message: "Jira is slow to answer. The value here updates by itself when it does.",
      autoClose: 8000,
    });
    return;
  }
  if (item.state.stale) {
    notifications.show({
      color: "yellow",
      title: `Couldn't refresh ${item.title}`,
      message: `${item.state.stale.message} The last good value is kept.`,
      autoClose: 8000,
    });
    return;
  }
  const progress = item.state.progress === null ? "no data" : `${Math.round(item.state.progress)}%`;
  notifySuccess(`${item.title}: ${progress}.`, "Refreshed from Jira");
}
