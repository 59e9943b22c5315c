import { Badge } from "@mantine/core";
import { statusCategoryColor } from "../lib/portfolio-labels";

/** A Jira status in its category's colour (To Do grey, In Progress blue, Done green). */
export function JiraStatusBadge({ status }: { status: { name: string; category: string } }) {
  return (
    <Badge variant="light" color={statusCategoryColor(status.category)} radius="sm">
      {status.name || "Unknown"}
    </Badge>
  );
}
