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
