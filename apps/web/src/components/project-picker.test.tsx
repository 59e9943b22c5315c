import { render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { setupUser, TestMantine } from "../testing/render-route";
import { ProjectPicker } from "./project-picker";

const PROJECTS = ["AE", "ATL", "BEA", "COM"].map((key) => ({ id: key, key, name: `Project ${key}` }));

function Harness({ maxSelectable, linkedKeys = [] }: { maxSelectable: number; linkedKeys?: string[] }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  return (
    <TestMantine>
      <ProjectPicker
        projects={PROJECTS}
        selected={selected}
        onChange={setSelected}
        maxSelectable={maxSelectable}
        linkedKeys={linkedKeys}
        query={query}
        onQueryChange={setQuery}
      />
    </TestMantine>
  );
}

describe("ProjectPicker", () => {
  it("stops at the limit: the remaining projects are disabled and the count says so", async () => {
    render(<Harness maxSelectable={2} linkedKeys={["AE"]} />);
    const user = setupUser();
    expect(screen.getByRole("checkbox", { name: "Project AE (AE)" }).hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: "Project ATL (ATL)" }));
    await user.click(screen.getByRole("checkbox", { name: "Project BEA (BEA)" }));
    expect(screen.getByRole("checkbox", { name: "Project COM (COM)" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByTestId("project-count").textContent).toMatch(
      /2 selected .* up to 3 projects .*limit reached/,
    );
    await user.click(screen.getByRole("checkbox", { name: "Project BEA (BEA)" }));
    expect(screen.getByRole("checkbox", { name: "Project COM (COM)" }).hasAttribute("disabled")).toBe(false);
  });
});
