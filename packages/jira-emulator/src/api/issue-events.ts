/** Emits webhook events for issue writes, matching each webhook's JQL filter as its creator would. */
import type { EmulatorState } from "../emulator-state.ts";
import { decorateUser, type Links } from "../render/decorate.ts";
import { parseFieldSelection } from "../render/field-selection.ts";
import { renderIssue } from "../render/issue-bean.ts";
import { jqlSiteFor } from "../search/jql-site.ts";
import { userValue } from "../store/field-values.ts";
import type { ChangelogHistory, SiteUser, StoredIssue } from "../store/types.ts";
import type { IssueEvent } from "../webhooks/dispatcher.ts";

/** Sends `event` for `issue` to the matching webhooks. */
export function emitIssueEvent(
  state: EmulatorState,
  links: Links,
  event: IssueEvent,
  issue: StoredIssue,
  user: SiteUser | null,
  history?: ChangelogHistory,
): void {
  const { store } = state;
  if (store.webhooks.size === 0) return;
  const selection = parseFieldSelection(["*all"], "*all", store.fields);
  state.webhooks.emit({
    event,
    issue,
    user,
    history,
    matches: (webhook, target) => {
      if (webhook.jqlFilter.trim() === "") return true;
      const owner = store.users.get(webhook.createdBy) ?? null;
      const compiled = state.jql.compile(webhook.jqlFilter, jqlSiteFor(store, owner));
      return compiled.ok && store.canBrowse(owner, target.projectId) && compiled.query.matches(target);
    },
    render: (target) => renderIssue(target, { store, links, selection, expand: new Set() }),
    renderUser: (u) => decorateUser(userValue(u), links),
  });
}
