/** Rendering changelog histories (authors get `self` links). */
import type { ChangelogHistory } from "../store/types.ts";
import { decorateUser, type Links } from "./decorate.ts";

/** One history as Jira renders it. */
export function renderHistory(history: ChangelogHistory, links: Links): Record<string, unknown> {
  return {
    id: history.id,
    ...(history.author ? { author: decorateUser(history.author, links) } : {}),
    created: history.created,
    items: history.items.map((item) => ({ ...item })),
  };
}
