import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Objective } from "../api/okr-types";
import { appRoutes } from "../router";
import { type MockRoutes, mockApi } from "../testing/api-server";
import { jiraKeyResult, jiraObjective, measuredItemRoutes } from "../testing/measured-item-routes";
import { renderRoute } from "../testing/render-route";

// What only an objective's page does; what it shares with a key result's is in measured-item-layout.test.tsx.

function openObjective(objective: Objective, extra: MockRoutes = {}) {
  mockApi(measuredItemRoutes(objective, extra));
  return renderRoute(appRoutes, `/o/o1/goals/objectives/${objective.id}`);
}

describe("ObjectivePage", () => {
  it("rolls up its key results: no data source, no drill-down, no empty history", async () => {
    const rollUp = jiraObjective({ measure: null, dataSource: null });
    openObjective(rollUp, {
      "GET /api/v1/objectives/ob1/history": { status: 200, body: { items: [], forecast: null } },
    });
    const heading = await screen.findByRole("heading", { name: rollUp.title, level: 1 });
    await waitFor(() =>
      expect(heading.nextElementSibling?.textContent).toBe(
        "Dana Demo · This quarter · rolls up its key results",
      ),
    );
    expect(screen.getByText("No key results yet.").textContent).toBe("No key results yet.");
    expect(screen.queryByText("Why this number")).toBeNull();
    expect(screen.queryByRole("heading", { name: "Check-ins" })).toBeNull();
  });

  it("lists its key results, leads to its parent and to the objectives aligned to it", async () => {
    const parent = jiraObjective({ id: "ob0", title: "Win mid-market customers", dataSource: null });
    const objective = jiraObjective({
      parentId: "ob0",
      keyResults: [jiraKeyResult({ title: "Campaign editor shipped" })],
    });
    const child = jiraObjective({ id: "ob2", parentId: "ob1", title: "Send 1,000 campaigns" });
    openObjective(objective, {
      "GET /api/v1/orgs/o1/objectives": {
        status: 200,
        body: { items: [parent, objective, child], nextCursor: null },
      },
    });
    const keyResults = await screen.findByRole("list", { name: `Key results of ${objective.title}` });
    expect(
      within(keyResults).getByRole("link", { name: "Campaign editor shipped" }).getAttribute("href"),
    ).toBe("/o/o1/goals/key-results/k1");
    const crumb = await screen.findByRole("link", { name: "Win mid-market customers" });
    expect(crumb.getAttribute("href")).toBe("/o/o1/goals/objectives/ob0");
    const aligned = screen.getByRole("region", { name: "Aligned objectives" });
    expect(within(aligned).getByRole("link", { name: "Send 1,000 campaigns" }).getAttribute("href")).toBe(
      "/o/o1/goals/objectives/ob2",
    );
  });

  const manual = jiraKeyResult({ id: "k2", title: "Legal review done", dataSource: null });

  it("offers check-ins only for its manual key results, from their menu", async () => {
    const { user } = openObjective(jiraObjective({ keyResults: [jiraKeyResult(), manual] }));
    await user.click(await screen.findByRole("button", { name: "Actions for Stories of AE-786 done" }));
    await waitFor(() =>
      expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual([
        "Edit key result",
        "Delete key result",
      ]),
    );
    await user.click(screen.getByRole("button", { name: "Actions for Legal review done" }));
    await user.click(await screen.findByRole("menuitem", { name: "Check in" }));
    const checkIn = await screen.findByRole("dialog", { name: "Check in: Legal review done" });
    expect(within(checkIn).getByRole("form", { name: "Check in" }).getAttribute("aria-label")).toBe(
      "Check in",
    );
  });

  it("deletes a key result after confirmation", async () => {
    const deleted: string[] = [];
    const { user } = openObjective(jiraObjective({ keyResults: [manual] }), {
      "DELETE /api/v1/key-results/k2": (_body, url) => {
        deleted.push(url.pathname);
        return { status: 204 };
      },
    });
    await user.click(await screen.findByRole("button", { name: "Actions for Legal review done" }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete key result" }));
    const confirm = await screen.findByRole("dialog", { name: "Delete key result?" });
    expect(within(confirm).getByText(/will be deleted/).textContent).toBe(
      '"Legal review done" and its history will be deleted. This cannot be undone.',
    );
    expect(deleted).toEqual([]);
    await user.click(within(confirm).getByRole("button", { name: "Delete key result" }));
    expect((await screen.findByText("Key result deleted.")).textContent).toBe("Key result deleted.");
    expect(deleted).toEqual(["/api/v1/key-results/k2"]);
  });
});
