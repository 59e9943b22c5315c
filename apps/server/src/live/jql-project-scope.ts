import { stripOrderBy } from "../sync/jql-text.ts";

type Token = { kind: "word" | "string" | "symbol" | "group"; text: string };

const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The projects a JQL can only match issues of, upper-case, or null when that cannot be told from its text.
 * Bounded: a clause `project = K` or `project in (K1, …)` joined to the rest by `AND` at the top level. Not
 * bounded (null): a top-level `OR` or `NOT`, `!=`/`not in`, a project named by id or name rather than key, or
 * no project clause at all. Conservative on purpose: null means "any change may affect it".
 * @example jqlProjectScope('project = ae AND status = Done ORDER BY rank') // ["AE"]
 * @example jqlProjectScope('project = AE OR labels = okr') // null
 */
export function jqlProjectScope(jql: string): string[] | null {
  const tokens = tokenize(stripOrderBy(jql));
  if (tokens === null) return null;
  if (tokens.some((t) => t.kind === "word" && /^(or|not)$/i.test(t.text))) return null;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.kind !== "word" || token.text.toLowerCase() !== "project") continue;
    const before = tokens[i - 1];
    if (before !== undefined && !(before.kind === "word" && before.text.toLowerCase() === "and")) continue;
    const operator = tokens[i + 1];
    const operand = tokens[i + 2];
    if (!operator || !operand) return null;
    const keys =
      operator.kind === "symbol" && operator.text === "="
        ? keysOf([operand])
        : operator.kind === "word" && operator.text.toLowerCase() === "in" && operand.kind === "group"
          ? keysOf(tokenize(operand.text) ?? [])
          : null;
    if (keys !== null && keys.length > 0) return keys;
  }
  return null;
}

/** Project keys named by `tokens` (values separated by commas), or null when one is not a key. */
function keysOf(tokens: readonly Token[]): string[] | null {
  const values = tokens.filter((t) => !(t.kind === "symbol" && t.text === ","));
  const keys: string[] = [];
  for (const value of values) {
    if (value.kind !== "word" && value.kind !== "string") return null;
    if (!PROJECT_KEY.test(value.text)) return null;
    keys.push(value.text.toUpperCase());
  }
  return [...new Set(keys)];
}

/**
 * Top-level tokens of a JQL: words, quoted strings (unquoted), operators and parenthesised groups (kept whole,
 * as text). Null when quotes or parentheses do not balance.
 */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '"' || char === "'") {
      let value = "";
      let j = i + 1;
      while (j < text.length && text[j] !== char) {
        if (text[j] === "\\") j += 1;
        value += text[j] ?? "";
        j += 1;
      }
      if (j >= text.length) return null;
      tokens.push({ kind: "string", text: value });
      i = j + 1;
    } else if (char === "(") {
      let depth = 1;
      let j = i + 1;
      let quote: string | null = null;
      for (; j < text.length && depth > 0; j += 1) {
        const c = text[j] as string;
        if (quote !== null) {
          if (c === "\\") j += 1;
          else if (c === quote) quote = null;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === "(") depth += 1;
        else if (c === ")") depth -= 1;
      }
      if (depth !== 0) return null;
      tokens.push({ kind: "group", text: text.slice(i + 1, j - 1) });
      i = j;
    } else if (char === ")") {
      return null;
    } else if (/[=!<>~,]/.test(char)) {
      const match = /^(!=|!~|<=|>=|=|<|>|~|,)/.exec(text.slice(i));
      const symbol = match?.[0] ?? char;
      tokens.push({ kind: "symbol", text: symbol });
      i += symbol.length;
    } else {
      const match = /^[^\s=!<>~,()"']+/.exec(text.slice(i));
      const word = match?.[0] ?? char;
      tokens.push({ kind: "word", text: word });
      i += word.length;
    }
  }
  return tokens;
}
