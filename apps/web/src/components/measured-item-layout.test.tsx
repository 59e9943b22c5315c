import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { KeyResult, Objective } from "../api/okr-types";
import { appRoutes } from "../router";
import { type MockRoutes, mockApi } from "../testing/api-server";
import {
  history,
  itemPagePath,
  jiraKeyResult,
  jiraObjective,
  measuredItemRoutes,
} from "../testing/measured-item-routes";
import { renderRoute } from "../testing/render-route";

/** The page of each kind, with what it calls itself. */
const kinds = [
  { kind: "key-results", noun: "key result", Noun: "Key result", build: jiraKeyResult },
  { kind: "objectives", noun: "objective", Noun: "Objective", build: jiraObjective },
] as const;

function openPage(item: KeyResult | Objective, extra: MockRoutes = {}) {
  const api = mockApi(measuredItemRoutes(item, extra));
  const kind = "keyResults" in item ? "objectives" : "key-results";
  return { api, ...renderRoute(appRoutes, itemPagePath(kind, item.id)) };
}

function cellTexts(table: HTMLElement): (string | null)[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    );
}

describe.each(kinds)("the $noun page", ({ kind, noun, Noun, build }) => {
  it("explains the number: progress, forecast, the issues behind it, the check-ins", async () => {
    const item = build();
    openPage(item);
    const heading = await screen.findByRole("heading", { level: 1 });
    expect(heading.textContent).toBe(item.title);
    expect(
      screen.getByRole("progressbar", { name: `${item.title} progress` }).getAttribute("aria-valuetext"),
    ).toBe("27%, At risk");
    expect(screen.getByText(/^JQL:/).textContent).toBe('JQL: "Epic Link" = AE-786');
    expect((await screen.findByText(/Forecast at period end/)).textContent).toBe(
      "Forecast at period end: 50% (5.5 issues)",
    );
    const drillDown = await screen.findByRole("table", { name: "Jira issues behind this number" });
    expect(cellTexts(drillDown)).toEqual([
      ["AE-787", "Campaign list page", "Done", "1 issue", ""],
      ["AE-797", "Campaign export", "To Do", "1 issue", ""],
    ]);
    const [done, toDo] = within(drillDown).getAllByRole("row").slice(1);
    expect(
      within(done as HTMLElement)
        .getByRole("link", { name: "AE-787" })
        .getAttribute("href"),
    ).toBe("https://acme.atlassian.net/browse/AE-787");
    expect(
      within(done as HTMLElement)
        .getByRole("img")
        .getAttribute("aria-label"),
    ).toBe("Done");
    expect(
      within(toDo as HTMLElement)
        .getByRole("img")
        .getAttribute("aria-label"),
    ).toBe("Not done");
    const checkIns = screen.getByRole("table", { name: "Check-ins" });
    expect(cellTexts(checkIns).map((cells) => cells[0])).toEqual(["Jira", "Jira", "Dana Demo"]);
  });

  it("says why there is no forecast when the history is too short", async () => {
    const note = "Not enough history for a forecast yet: it needs 3 values over at least 7 days.";
    const short = { ...history, forecast: null, forecastNote: note };
    openPage(build(), { [`GET /api/v1/${kind}/${build().id}/history`]: { status: 200, body: short } });
    expect((await screen.findByText(note)).textContent).toBe(note);
    expect(screen.queryByText(/Forecast at period end/)).toBeNull();
  });

  it("refreshes from Jira on demand and says the new number", async () => {
    const item = build();
    const refreshed = { ...item, state: { ...item.state, progress: 40 } };
    const { api, user } = openPage(item, {
      [`POST /api/v1/${kind}/${item.id}/refresh`]: { status: 200, body: refreshed },
    });
    const [refresh] = await screen.findAllByRole("button", { name: `Refresh ${item.title} from Jira` });
    await user.click(refresh as HTMLElement);
    expect((await screen.findByText(`${item.title}: 40%.`)).textContent).toBe(`${item.title}: 40%.`);
    expect(api.all.filter((call) => call.method === "POST").map((call) => call.path)).toEqual([
      `/api/v1/${kind}/${item.id}/refresh`,
    ]);
  });

  it(`opens the one edit form with the ${noun}'s values, for who may edit it only`, async () => {
    const item = build();
    const { user, unmount } = openPage(item);
    await user.click(await screen.findByRole("button", { name: `Edit ${noun}` }));
    const dialog = await screen.findByRole("dialog", { name: `Edit ${noun}` });
    expect((within(dialog).getByLabelText(new RegExp(`${Noun} title`)) as HTMLInputElement).value).toBe(
      item.title,
    );
    expect(
      within(dialog)
        .getByRole("button", { name: `Save ${noun}` })
        .getAttribute("type"),
    ).toBe("submit");
    unmount();
    openPage(build({ canEdit: false }));
    await screen.findByRole("heading", { level: 1 });
    expect(screen.queryByRole("button", { name: `Edit ${noun}` })).toBeNull();
  });

  it(`says when the ${noun} does not exist`, async () => {
    const item = build();
    const missing = { status: 404, body: { error: { code: "not_found", message: "No." } } };
    openPage(item, { [`GET /api/v1/${kind}/${item.id}`]: missing });
    const title = await screen.findByText(`${Noun} not found`);
    expect(title.parentElement?.textContent).toContain(
      "It was deleted, or it belongs to another organisation.",
    );
    expect(screen.getByRole("link", { name: "Back to goals" }).getAttribute("href")).toBe("/o/o1/goals");
  });
});
