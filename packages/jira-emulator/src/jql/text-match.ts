/**
 * Jira's `~` word matching, approximated: text is split into lower-cased words, light English stemming is
 * applied to both sides, stop words are ignored, every term must be present; `*` (suffix) and `?` wildcards,
 * quoted phrases ("\"exact words\"") and `-term` exclusions are honoured.
 */

const STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** Splits text into words. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Reduces a word to a crude stem ("running" → "run", "issues" → "issu"). */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ing") && word.length >= 6) {
    const base = word.slice(0, -3);
    return /([^aeiouls])\1$/.test(base) ? base.slice(0, -1) : base;
  }
  if (word.endsWith("ed") && word.length >= 5) return word.slice(0, -2);
  if (word.endsWith("es") && /(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

/** Indexed text of one field value: its words and their stems. */
export interface TextIndex {
  words: string[];
  stems: Set<string>;
}

/** Builds the {@link TextIndex} of a text. */
export function indexText(text: string): TextIndex {
  const words = tokenize(text);
  return { words, stems: new Set(words.map(stem)) };
}

type Term =
  | { kind: "word"; stem: string; exclude: boolean }
  | { kind: "wildcard"; pattern: RegExp; exclude: boolean }
  | { kind: "phrase"; words: string[]; exclude: boolean };

/**
 * A compiled text query; `undefined` from {@link compileTextQuery} when it has no searchable terms.
 * `required` holds lower-case fragments any matching text must contain (a cheap pre-filter).
 */
export interface TextQuery {
  matches(text: TextIndex): boolean;
  required: string[];
}

/** Compiles the value of a `~` clause. */
export function compileTextQuery(query: string): TextQuery | undefined {
  const terms: Term[] = [];
  const re = /(-?)"([^"]*)"|(-?)(\S+)/g;
  for (const m of query.matchAll(re)) {
    if (m[2] !== undefined) {
      const words = tokenize(m[2]);
      if (words.length > 0) terms.push({ kind: "phrase", words, exclude: m[1] === "-" });
      continue;
    }
    const raw = (m[4] ?? "").replace(/[~^]\d*(\.\d+)?$/, "");
    if (/^(AND|OR|&&|\|\|)$/.test(raw)) continue;
    const exclude = m[3] === "-" || raw.startsWith("!");
    const body = raw.replace(/^[!+]/, "").toLowerCase();
    if (/[*?]/.test(body)) {
      const source = body
        .replace(/[^\p{L}\p{N}*?]/gu, "")
        .replace(/\*/g, "[\\p{L}\\p{N}]*")
        .replace(/\?/g, "[\\p{L}\\p{N}]");
      if (source !== "") terms.push({ kind: "wildcard", pattern: new RegExp(`^${source}$`, "u"), exclude });
      continue;
    }
    const words = tokenize(body).filter((w) => !STOP_WORDS.has(w));
    if (words.length === 1 && words[0] !== undefined)
      terms.push({ kind: "word", stem: stem(words[0]), exclude });
    else if (words.length > 1) terms.push({ kind: "phrase", words, exclude });
  }
  if (terms.filter((t) => !t.exclude).length === 0) return undefined;
  const required = terms.flatMap((t) => {
    if (t.exclude) return [];
    if (t.kind === "word") return [t.stem];
    if (t.kind === "phrase") return t.words.map(stem);
    const prefix = /^[\p{L}\p{N}]+/u.exec(t.pattern.source.slice(1))?.[0];
    return prefix ? [prefix] : [];
  });
  return { matches: (text) => terms.every((term) => matchesTerm(term, text) !== term.exclude), required };
}

function matchesTerm(term: Term, text: TextIndex): boolean {
  switch (term.kind) {
    case "word":
      return text.stems.has(term.stem);
    case "wildcard":
      return text.words.some((w) => term.pattern.test(w));
    case "phrase": {
      const stems = term.words.map(stem);
      const words = text.words.map(stem);
      for (let i = 0; i + stems.length <= words.length; i++) {
        if (stems.every((s, j) => words[i + j] === s)) return true;
      }
      return false;
    }
  }
}

/** Plain text of a field value: strings as-is, Atlassian Document Format docs flattened, comments joined. */
export function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null) return "";
  if (Array.isArray(value)) return value.map(plainText).join(" ");
  const node = value as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof node.text === "string") parts.push(node.text);
  if (node.content !== undefined) parts.push(plainText(node.content));
  if (node.comments !== undefined) parts.push(plainText(node.comments));
  if (node.body !== undefined) parts.push(plainText(node.body));
  return parts.join(" ");
}
