/**
 * Jira Cloud's JQL error and warning wording, in one place. Wording follows real Jira responses recorded in
 * `shared/jira` (jql/parse example, search/jql errors) and Atlassian's JQL editor messages, which mirror Jira's.
 */

/** What `search/jql` answers (400) to a query without a search restriction. */
export const UNBOUNDED_JQL_MESSAGE =
  "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";

const OPERATORS_HINT =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

/** Prefix and position suffix of every syntax error. */
export function syntaxError(message: string, position?: { line: number; column: number }): string {
  const at = position ? ` (line ${position.line}, character ${position.column})` : "";
  return `Error in the JQL Query: ${message}${at}`;
}

/** Syntax-error bodies (wrap with {@link syntaxError}). */
export const syntax = {
  operator: (got: string) => `Expecting operator but got '${got}'. ${OPERATORS_HINT}`,
  operatorEof: () => `Expecting operator before the end of the query. ${OPERATORS_HINT}`,
  field: (got: string) =>
    `Expecting a field name but got '${got}'. You must surround '${got}' in quotation marks to use it as a field name.`,
  fieldEof: () => "Expecting a field name before the end of the query.",
  operand: (got: string) =>
    `Expecting either a value, list or function but got '${got}'. You must surround '${got}' in quotation marks to use it as a value.`,
  operandEof: () => "Expecting either a value, list or function before the end of the query.",
  tokens: (expected: string[], got: string) => `Expecting ${listTokens(expected)} but got '${got}'.`,
  tokensEof: (expected: string[]) => `Expecting ${listTokens(expected)} before the end of the query.`,
  customFieldId: () => "Expecting a custom field id enclosed by '[ ]' after 'cf'. Example: 'cf[10021]'.",
  reservedWord: (word: string) =>
    `'${word}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`,
  reservedChar: (char: string) =>
    `The character '${char}' is a reserved JQL character. You must enclose it in a string or use the escape '${javaEscape(char)}' instead.`,
  illegalChar: (char: string) =>
    `The character '${printable(char)}' must be escaped. Use the escape '${javaEscape(char)}' instead.`,
  unfinishedString: (text: string) =>
    text === ""
      ? "The quoted string has not been completed."
      : `The quoted string '${text}' has not been completed.`,
  illegalEscape: (sequence: string) =>
    `'${sequence}' is an illegal JQL escape sequence. The valid escape sequences are \\', \\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.`,
  illegalEscapeBlank: () =>
    "The escape sequence has not been completed. The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.",
  unknown: (got: string) => `Unable to parse the query at '${got}'.`,
};

function listTokens(expected: string[]): string {
  const quoted = expected.map((t) => `'${t}'`);
  if (quoted.length <= 1) return quoted[0] ?? "";
  if (quoted.length === 2) return `either ${quoted[0]} or ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

function javaEscape(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
}

function printable(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Validation messages (fields, operators, values, functions). */
export const validation = {
  unknownField: (name: string) => `Field '${name}' does not exist or you do not have permission to view it.`,
  operatorNotSupported: (operator: string, field: string) =>
    `The operator '${operator}' is not supported by the '${field}' field.`,
  nonListValue: (operator: string, value: string, field: string) =>
    `Operator '${operator}' does not support the non-list value '${value}' for field '${field}'.`,
  listValue: (operator: string, value: string, field: string) =>
    `Operator '${operator}' does not support the list value '${value}' for field '${field}'.`,
  emptyNotSupported: (operator: string, field: string) =>
    `The operator '${operator}' does not support searching for EMPTY values for the field '${field}'.`,
  valueDoesNotExist: (value: string, field: string) =>
    `The value '${value}' does not exist for the field '${field}'.`,
  issueKeyDoesNotExist: (key: string, field: string) =>
    `An issue with key '${key}' does not exist for field '${field}'.`,
  issueKeyInvalid: (key: string, field: string) => `The issue key '${key}' for field '${field}' is invalid.`,
  unknownFunction: (name: string) => `Unable to find JQL function '${name}()'.`,
  functionNotSupported: (fn: string, field: string) =>
    `Function '${fn}' is not supported by the field '${field}'.`,
  functionArgumentCount: (fn: string, min: number, max: number, got: number) =>
    min === max
      ? `Function '${fn}' expected '${min}' arguments but received '${got}'.`
      : `Function '${fn}' expected between '${min}' and '${max}' arguments but received '${got}'.`,
  functionBadArgument: (fn: string, argument: string) =>
    `Function '${fn}' was passed an invalid argument '${argument}'.`,
  dateInvalid: (value: string, field: string) =>
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  numberInvalid: (value: string, field: string) =>
    `Value '${value}' is not a valid number for field '${field}'.`,
  historyNotSupported: (operator: string, field: string) =>
    `History searches do not support the '${field}' field. The operator '${operator}' cannot be used.`,
  changedNotSupported: (field: string) => `Field ${field} does not support searching for history changes.`,
  wasPredicateDate: (operator: string, value: string) =>
    `The '${operator}' predicate of the WAS operator has an invalid date value '${value}'.`,
  orderByNotSupported: (field: string) => `Field '${field}' does not support sorting.`,
  orderByTooMany: (max: number) => `The ORDER BY clause can contain no more than ${max} fields.`,
  orderByDuplicate: (field: string) =>
    `The sort field '${field}' is referenced multiple times in the JQL sort.`,
  propertyNotSupported: (name: string) =>
    `Searching by entity property ('${name}') is not supported by this Jira site.`,
  textQueryInvalid: (value: string, field: string) =>
    `The text query '${value}' for field '${field}' is not valid: probably your text query contains only stop words.`,
};
