import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { KeyResult } from "../api/okr-types";
import type { Comment } from "../api/use-comments";
import { appRoutes } from "../router";
import { type MockRoutes, mockApi } from "../testing/api-server";
import {
  buildIssue,
  jiraKeyResult,
  jiraObjective,
  measuredItemRoutes,
} from "../testing/measured-item-routes";
import { renderRoute } from "../testing/render-route";

// What only a key result's page does; what it shares with an objective's is in measured-item-layout.test.tsx.

const DRILL_DOWN = "Jira issues behind this number";

function openKeyResult(keyResult: KeyResult = jiraKeyResult(), extra: MockRoutes = {}) {
  const api = mockApi(measuredItemRoutes(keyResult, extra));
  return { api, ...renderRoute(appRoutes, "/o/o1/goals/key-results/k1") };
}

function keysShown(table: HTMLElement): (string | null | undefined)[] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0]?.textContent);
}

describe("KeyResultPage", () => {
  it("leads back to its objective", async () => {
    openKeyResult();
    const crumb = await screen.findByRole("link", { name: "Ship feature Email Campaigns" });
    expect(crumb.getAttribute("href")).toBe("/o/o1/goals/objectives/ob1");
  });

  it("names its objective from the goals list it was opened from, without reading the objective again", async () => {
    const keyResult = jiraKeyResult();
    const listed = jiraObjective({ keyResults: [keyResult] });
    const summary = { total: 1, not_started: 0, on_track: 0, behind: 0, at_risk: 1, achieved: 0 };
    const api = mockApi(
      measuredItemRoutes(keyResult, {
        "GET /api/v1/orgs/o1/objectives": {
          status: 200,
          body: { items: [listed], nextCursor: null, summary },
        },
      }),
    );
    const { user } = renderRoute(appRoutes, "/o/o1/goals");
    await user.click(await screen.findByRole("link", { name: keyResult.title }));
    await screen.findByRole("heading", { name: keyResult.title, level: 1 });
    const crumb = screen.getByRole("link", { name: listed.title });
    expect(crumb.getAttribute("href")).toBe("/o/o1/goals/objectives/ob1");
    await screen.findByRole("table", { name: "Check-ins" });
    const paths = api.all.map((call) => call.path);
    expect(paths).toContain("/api/v1/key-results/k1");
    expect(paths).not.toContain("/api/v1/objectives/ob1");
  });

  it("says the progress metric averages only issues with time tracking, and which are left out", async () => {
    const progress = jiraKeyResult({
      measure: { kind: "kpi", start: 0, target: 100, completedOnly: false },
      dataSource: { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "progress" },
    });
    const tracked = [buildIssue(787, { value: 40 }), buildIssue(797, { value: null })];
    openKeyResult(progress, {
      "GET /api/v1/key-results/k1/issues": { status: 200, body: { items: tracked, syncedAt: null } },
    });
    const note = await screen.findByText(/^Progress averages only/);
    expect(note.textContent).toBe(
      "Progress averages only the 1 issue with time tracking; 1 issue without tracked time is left out.",
    );
    const table = screen.getByRole("table", { name: DRILL_DOWN });
    const contributions = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell")[3]?.textContent);
    expect(contributions).toEqual(["40%", "no time tracked (left out)"]);
  });

  it("takes a comment on a Jira-driven key result and shows it in its history", async () => {
    const stored: Comment[] = [
      {
        id: "cm1",
        keyResultId: "k1",
        checkInId: "h0",
        author: { id: "u1", name: "Dana Demo" },
        body: "Kick-off went well.",
        createdAt: "2026-10-10T11:00:00Z",
      },
    ];
    const posted: unknown[] = [];
    const { user } = openKeyResult(jiraKeyResult(), {
      "GET /api/v1/key-results/k1/comments": () => ({ status: 200, body: { items: stored } }),
      "POST /api/v1/key-results/k1/comments": (body) => {
        posted.push(body);
        const comment = { ...stored[0], id: "cm2", checkInId: null, body: (body as { body: string }).body };
        stored.push(comment as Comment);
        return { status: 201, body: comment };
      },
    });
    const list = await screen.findByRole("list", { name: "Comments" });
    expect(within(list).getByText("Kick-off went well.").textContent).toBe("Kick-off went well.");
    expect(within(list).getByText(/on the check-in of/).textContent).toMatch(/\(10%\)$/);
    await user.type(screen.getByLabelText("Add a comment"), "Blocked on legal review.");
    await user.click(screen.getByRole("button", { name: "Comment" }));
    await within(list).findByText("Blocked on legal review.");
    expect(posted).toEqual([{ body: "Blocked on legal review." }]);
  });

  it("pages, searches and sorts a long drill-down (356 issues)", async () => {
    const many = Array.from({ length: 356 }, (_, i) =>
      buildIssue(i + 1, {
        summary: i === 200 ? "Unsubscribe link" : `Story ${i + 1}`,
        ...(i % 2 === 0 ? {} : { statusName: "To Do", statusCategoryKey: "new", done: false }),
      }),
    );
    const { user } = openKeyResult(jiraKeyResult(), {
      "GET /api/v1/key-results/k1/issues": { status: 200, body: { items: many, syncedAt: null } },
    });
    const table = await screen.findByRole("table", { name: DRILL_DOWN });
    expect(keysShown(table)).toHaveLength(50);
    expect(keysShown(table)[0]).toBe("AE-1");
    expect(screen.getByText(/of 356$/).textContent).toBe("1–50 of 356");
    await user.click(screen.getByRole("button", { name: "8" }));
    await waitFor(() =>
      expect(keysShown(table)).toEqual(["AE-351", "AE-352", "AE-353", "AE-354", "AE-355", "AE-356"]),
    );
    await user.selectOptions(screen.getByLabelText("Sort by"), "status");
    await user.click(screen.getByRole("button", { name: "1" }));
    await waitFor(() => expect(keysShown(table)[0]).toBe("AE-2"));
    await user.type(screen.getByLabelText("Search issues"), "unsubscribe");
    await waitFor(() => expect(keysShown(table)).toEqual(["AE-201"]));
  });

  it("takes a manual check-in for a key result without a data source, and has no drill-down", async () => {
    const posted: unknown[] = [];
    const { user } = openKeyResult(jiraKeyResult({ dataSource: null }), {
      "POST /api/v1/key-results/k1/check-ins": (body) => {
        posted.push(body);
        return {
          status: 201,
          body: {
            id: "h9",
            source: "manual",
            author: null,
            value: 45,
            progress: 45,
            note: "",
            createdAt: "2026-11-24T10:00:00Z",
          },
        };
      },
    });
    const form = await screen.findByRole("form", { name: "Check in" });
    expect(screen.queryByText("Why this number")).toBeNull();
    await user.clear(within(form).getByLabelText("Progress (%)"));
    await user.type(within(form).getByLabelText("Progress (%)"), "45");
    await user.type(within(form).getByLabelText("Note"), "Half-way");
    await user.click(within(form).getByRole("button", { name: "Check in" }));
    expect((await screen.findByText("Check-in saved.")).textContent).toBe("Check-in saved.");
    expect(posted).toEqual([{ value: 45, note: "Half-way" }]);
  });

  it("has no check-in form for who may not edit it", async () => {
    openKeyResult(jiraKeyResult({ dataSource: null, canEdit: false }));
    await screen.findByRole("heading", { name: "Stories of AE-786 done", level: 1 });
    expect(screen.queryByRole("form", { name: "Check in" })).toBeNull();
    expect(screen.queryByLabelText("Add a comment")).toBeNull();
  });
});
