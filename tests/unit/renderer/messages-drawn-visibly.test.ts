import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// An error or notice may quote what a user typed or a sender wrote (a URL, a name, a header value), so the renderer
// draws it through VisibleText: a direction override or a control character shows as a mark. This finds every message
// written into JSX (an element's or a fragment's children) as a bare `{error}`, `{state.notice}`, `{message.text}`,
// `{warning}`, `{pending.note}` or `{verification.reason}`, or inside a template literal (`{`Failed: ${error}`}`), where
// such characters would act unseen.
const SRC = join(import.meta.dirname, '../../../renderer/src');
const MESSAGE_NAME = /(?:^|[a-z])(?:error|notice|message|failure|warnings?|notes?|reason)$/i;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

const isMessage = (expression: ts.Expression): boolean => {
  if (ts.isParenthesizedExpression(expression)) return isMessage(expression.expression);
  if (ts.isTemplateExpression(expression))
    return expression.templateSpans.some((span) => isMessage(span.expression));
  if (ts.isConditionalExpression(expression))
    return isMessage(expression.whenTrue) || isMessage(expression.whenFalse);
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return isMessage(expression.right);
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken)
      return isMessage(expression.left) || isMessage(expression.right);
    return false;
  }
  if (ts.isIdentifier(expression)) return MESSAGE_NAME.test(expression.text);
  if (!ts.isPropertyAccessExpression(expression)) return false;
  const name = expression.name.text;
  if (name === 'text') return isMessage(expression.expression);
  return MESSAGE_NAME.test(name);
};

function bareMessagesIn(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isJsxExpression(node) &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) &&
      node.expression &&
      isMessage(node.expression)
    ) {
      const site = `${relative(SRC, path)} {${node.expression.getText()}}`;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${site} at line ${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const bareMessages = (path: string) => bareMessagesIn(path, readFileSync(path, 'utf8'));

describe('the bare-message walker', () => {
  const fixture = (jsx: string) => bareMessagesIn(join(SRC, 'fixture.tsx'), `export const F = () => ${jsx};`);

  it('finds a message quoted inside a template literal', () => {
    expect(fixture('<p>{`Failed: ${error.message}`}</p>')).toEqual([
      'fixture.tsx {`Failed: ${error.message}`} at line 1',
    ]);
    expect(fixture('<p>{failed ? `Saved, but ${notice}` : null}</p>')).toHaveLength(1);
  });

  it('leaves a template literal that quotes no message alone', () => {
    expect(fixture('<p>{`${count} captures`}</p>')).toEqual([]);
  });
});

describe('renderer messages', () => {
  it('are drawn through VisibleText, never as bare JSX text', () => {
    expect(tsxFiles(SRC).flatMap(bareMessages)).toEqual([]);
  });
});
