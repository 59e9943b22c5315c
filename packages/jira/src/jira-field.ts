/**
 * A field as `/rest/api/3/field` lists it (the part Goalpost reads). Which fields can feed a metric is a
 * domain rule: `findStoryPointFields` and `findNumericCustomFields` in `@goalpost/domain`.
 */
export interface JiraField {
  id: string;
  name: string;
  custom?: boolean | undefined;
  clauseNames?: string[] | undefined;
  schema?: { type: string; custom?: string | undefined; customId?: number | undefined } | undefined;
}
