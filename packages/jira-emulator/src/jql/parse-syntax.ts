import {
  JQLLexer,
  JQLParser,
  type JqlFunctionContext,
  JqlInClauseContext,
  type JqlQueryContext,
  JqlWasInClauseContext,
} from "@atlaskit/jql-parser";
import {
  type ANTLRErrorListener,
  CharStreams,
  CommonTokenStream,
  type ParserRuleContext,
  type Token,
} from "antlr4ts";
import { syntax, syntaxError, validation } from "./messages.ts";

/** The parse tree of a syntactically valid query, or Jira's positioned syntax error. */
export type SyntaxResult = { ok: true; tree: JqlQueryContext } | { ok: false; error: string };

const OPERATOR_TOKENS = new Set([
  JQLParser.EQUALS,
  JQLParser.NOT_EQUALS,
  JQLParser.LIKE,
  JQLParser.NOT_LIKE,
  JQLParser.LT,
  JQLParser.GT,
  JQLParser.LTEQ,
  JQLParser.GTEQ,
  JQLParser.IS,
  JQLParser.WAS,
  JQLParser.CHANGED,
]);
const VALUE_TOKENS = new Set([
  JQLParser.POSNUMBER,
  JQLParser.NEGNUMBER,
  JQLParser.QUOTE_STRING,
  JQLParser.SQUOTE_STRING,
]);

/**
 * Parses JQL with Atlassian's grammar, stopping at the first error and wording it as Jira does
 * ("Error in the JQL Query: Expecting operator but got 'query'. … (line 1, character 9)").
 */
export function parseSyntax(jql: string): SyntaxResult {
  const lexer = new JQLLexer(CharStreams.fromString(jql));
  lexer.removeErrorListeners();
  const parser = new JQLParser(new CommonTokenStream(lexer));
  parser.removeErrorListeners();
  let error: string | undefined;
  const listener: ANTLRErrorListener<Token> = {
    syntaxError: (_recognizer, offending) => {
      if (error !== undefined) return;
      error = describe(parser, offending ?? parser.currentToken);
    },
  };
  parser.addErrorListener(listener);
  let tree: JqlQueryContext;
  try {
    tree = parser.jqlQuery();
  } catch {
    return { ok: false, error: error ?? syntaxError(syntax.unknown(jql)) };
  }
  if (error !== undefined) return { ok: false, error };
  return { ok: true, tree };
}

function describe(parser: JQLParser, token: Token): string {
  const eof = token.type === JQLParser.EOF;
  const text = token.text ?? "";
  const position = eof ? undefined : { line: token.line, column: token.charPositionInLine + 1 };
  const wrap = (message: string) => syntaxError(message, position);
  switch (token.type) {
    case JQLParser.RESERVED_WORD:
      return wrap(syntax.reservedWord(text));
    case JQLParser.ERROR_RESERVED:
      return wrap(syntax.reservedChar(text));
    case JQLParser.UNCLOSED_QUOTE_STRING:
    case JQLParser.UNCLOSED_SQUOTE_STRING:
      return wrap(syntax.unfinishedString(text.slice(1).replace(/\\(.)/g, "$1")));
    case JQLParser.ERRORCHAR:
    case JQLParser.INVALID_QUOTE_STRING:
    case JQLParser.INVALID_SQUOTE_STRING:
      return wrap(describeBadCharacter(parser, token));
    default:
      break;
  }
  const nonList = nonListValue(parser);
  if (nonList) return nonList;
  let expected: number[] = [];
  try {
    expected = parser.getExpectedTokens().toArray();
  } catch {
    expected = [];
  }
  const has = (t: number) => expected.includes(t);
  if (expected.some((t) => OPERATOR_TOKENS.has(t))) {
    return eof ? syntaxError(syntax.operatorEof()) : wrap(syntax.operator(text));
  }
  if (has(JQLParser.CUSTOMFIELD) && !has(JQLParser.EMPTY)) {
    return eof ? syntaxError(syntax.fieldEof()) : wrap(syntax.field(text));
  }
  if (parser.context.ruleIndex === JQLParser.RULE_jqlCustomField) {
    return syntaxError(syntax.customFieldId(), position);
  }
  if (inOrderBy(parser, token)) {
    const previous = parser.inputStream.LT(-1);
    const afterDirection = previous?.type === JQLParser.ASC || previous?.type === JQLParser.DESC;
    const names = afterDirection ? [","] : ["ASC", "DESC"];
    return eof ? syntaxError(syntax.tokensEof(names)) : wrap(syntax.tokens(names, text));
  }
  if (has(JQLParser.EMPTY) || expected.some((t) => VALUE_TOKENS.has(t))) {
    if (parser.context.ruleIndex === JQLParser.RULE_jqlArgumentList || has(JQLParser.RPAREN)) {
      return eof ? syntaxError(syntax.tokensEof([")"])) : wrap(syntax.operand(text));
    }
    return eof ? syntaxError(syntax.operandEof()) : wrap(syntax.operand(text));
  }
  const names = expectedNames(expected, parser);
  if (names.length === 0) return eof ? syntaxError(syntax.unknown("")) : wrap(syntax.unknown(text));
  return eof ? syntaxError(syntax.tokensEof(names)) : wrap(syntax.tokens(names, text));
}

function expectedNames(expected: number[], parser: JQLParser): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  // After a complete clause Jira asks for a logical operator, never for the end of the query.
  if (expected.includes(JQLParser.EOF) || expected.includes(JQLParser.ORDER)) {
    if (!expected.includes(JQLParser.COMMA) && !expected.includes(JQLParser.ASC)) {
      if (expected.includes(JQLParser.RPAREN)) return [")"];
      return ["OR", "AND"];
    }
  }
  if (expected.includes(JQLParser.ASC) || expected.includes(JQLParser.DESC)) return ["ASC", "DESC"];
  for (const t of expected) {
    if (t === JQLParser.EOF) continue;
    const literal = parser.vocabulary.getLiteralName(t);
    const name = literal ? literal.replace(/^'|'$/g, "") : (parser.vocabulary.getSymbolicName(t) ?? "");
    if (name !== "") add(name.toUpperCase() === name.toLowerCase() ? name : name.toUpperCase());
  }
  return names;
}

function inOrderBy(parser: JQLParser, token: Token): boolean {
  if (token.type === JQLParser.EOF) return false;
  let seenBy = false;
  for (let i = token.tokenIndex - 1; i >= 0; i--) {
    const t = parser.inputStream.get(i);
    if (t.type === JQLParser.BY) seenBy = true;
    if (t.type === JQLParser.ORDER) return seenBy;
  }
  return false;
}

function describeBadCharacter(parser: JQLParser, token: Token): string {
  const text = token.text ?? "";
  const char = token.type === JQLParser.ERRORCHAR ? text : text.slice(-1);
  if (char === "\\") {
    const next = parser.inputStream.get(token.tokenIndex + 1);
    if (next.type === JQLParser.EOF || next.type === JQLParser.MATCHWS) return syntax.illegalEscapeBlank();
    return syntax.illegalEscape(`\\${next.text ?? ""}`);
  }
  return syntax.illegalChar(char);
}

/** `summary in test`: Jira parses a bare value after IN and rejects it as a non-list value. */
function nonListValue(parser: JQLParser): string | undefined {
  let ctx: ParserRuleContext | undefined = parser.context;
  let fn: JqlFunctionContext | undefined;
  while (ctx) {
    if (ctx.ruleIndex === JQLParser.RULE_jqlFunction) fn = ctx as JqlFunctionContext;
    if (ctx instanceof JqlInClauseContext || ctx instanceof JqlWasInClauseContext) break;
    ctx = ctx.parent;
  }
  if (!ctx || !fn || fn.childCount !== 1) return undefined;
  const op = ctx instanceof JqlInClauseContext ? ctx.jqlInOperator().text : ctx.jqlWasInOperator().text;
  const operator = ctx instanceof JqlInClauseContext ? (/^not/i.test(op) ? "not in" : "in") : op;
  const clause = ctx.parent;
  const field = clause && clause.childCount > 0 ? (clause.getChild(0).text ?? "") : "";
  const value = fn.jqlFunctionName().text;
  const shown = /^["']/.test(value) ? `"${value.slice(1, -1)}"` : `"${value}"`;
  return validation.nonListValue(operator.toLowerCase().replace(/\s+/g, " "), shown, unquote(field));
}

function unquote(text: string): string {
  return /^["']/.test(text) ? text.slice(1, -1) : text;
}
