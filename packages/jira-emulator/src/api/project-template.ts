/**
 * Which kind of project a `projectTemplateKey` makes. Only the "agility" software templates and the service
 * desk "next-gen" ones are team-managed; every other template, the "simplified … classic", "simplified-basic"
 * and Jira Work Management "jira-core-simplified-…" ones included, makes a company-managed project.
 */
export function projectStyleForTemplate(templateKey: string): "classic" | "next-gen" {
  const template = templateKey.split(":").pop() ?? "";
  return /^gh-simplified-agility-|^next-gen-/.test(template) ? "next-gen" : "classic";
}
