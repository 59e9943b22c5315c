import { JQLLexer } from "@atlaskit/jql-parser";
import { CharStreams } from "antlr4ts";

const ESCAPES: Record<string, string> = {
  t: "\t",
  n: "\n",
  r: "\r",
  "\\": "\\",
  '"': '"',
  "'": "'",
  " ": " ",
};

/** The value of a JQL string token: quotes removed, escapes (`\"`, `\n`, `\uXXXX`…) resolved. */
export function unescapeJql(text: string): string {
  const quoted = text.startsWith('"') || text.startsWith("'");
  const body = quoted ? text.slice(1, -1) : text;
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, seq: string) => {
    if (seq.length === 5) return String.fromCharCode(Number.parseInt(seq.slice(1), 16));
    return ESCAPES[seq] ?? seq;
  });
}

/** True when the raw token text was quoted. */
export function isQuoted(text: string): boolean {
  return text.startsWith('"') || text.startsWith("'");
}

/** Writes a value back as JQL: bare when it lexes as one plain word, else double-quoted and escaped. */
export function encodeJql(value: string): string {
  if (value !== "" && isPlainWord(value)) return value;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}

function isPlainWord(value: string): boolean {
  const lexer = new JQLLexer(CharStreams.fromString(value));
  lexer.removeErrorListeners();
  const tokens = lexer.getAllTokens().filter((t) => t.channel === 0);
  const first = tokens[0];
  return tokens.length === 1 && first !== undefined && first.type === JQLLexer.STRING && first.text === value;
}
