import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { jiraWords, ownWords, reasonInWords } from "../lib/stale-reason";
import { TestMantine, setupUser } from "../testing/render-route";
import { StaleBadge } from "./stale-badge";

const INVALID = {
  code: "jira_invalid_jql",
  message: "Jira rejected the JQL query. Jira said: Field 'foo' does not exist.",
  since: "2026-05-14T10:00:00.000Z",
};

describe("the stale vocabulary in words", () => {
  it("names each code's reason, and splits Jira's own words from ours", () => {
    expect(reasonInWords("jira_bad_credentials")).toBe("Jira refused the token");
    expect(reasonInWords("jira_epic_not_found")).toBe("Epic no longer visible in Jira");
    expect(reasonInWords("something_new")).toBe("Out of date");
    expect(jiraWords(INVALID.message)).toBe("Field 'foo' does not exist.");
    expect(ownWords(INVALID.message)).toBe("Jira rejected the JQL query.");
    expect(jiraWords("Jira is unavailable.")).toBeNull();
  });
});

describe("StaleBadge", () => {
  it("shows the reason in words; its tooltip gives the sentence, Jira's message, since when and the next try", async () => {
    render(
      <TestMantine>
        <StaleBadge stale={INVALID} nextTryAt="2030-01-01T00:00:00.000Z" />
      </TestMantine>,
    );
    const badge = screen.getByText("Jira rejected the query");
    await setupUser().hover(badge);
    expect(await screen.findByText("Jira said: Field 'foo' does not exist.")).toBeVisible();
    expect(screen.getByText(/^Since .*2026/)).toBeVisible();
    expect(screen.getByText(/^Next try in /)).toBeVisible();
  });

  it("says there is no retry until someone fixes a refused token", async () => {
    render(
      <TestMantine>
        <StaleBadge
          stale={{ code: "jira_bad_credentials", message: "Jira refused the token.", since: null }}
          nextTryAt={null}
          severity="error"
        />
      </TestMantine>,
    );
    expect(
      screen.getByLabelText("Jira refused the token: Jira refused the token. No retry until it is fixed."),
    ).toBeVisible();
  });
});
