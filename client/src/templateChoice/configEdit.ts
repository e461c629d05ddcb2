/**
 * The edit behind "change the template": set (or remove) `"template"` in a `.minutesrc.json`
 * as a small text edit, so the team's comments, key order and indentation survive. Pure, for tests.
 */
import {
  applyEdits,
  createScanner,
  modify,
  parse,
  parseTree,
  SyntaxKind,
  type Edit,
  type FormattingOptions,
  type Node,
  type ParseError,
} from 'jsonc-parser';
export { CONFIG_FILE as CONFIG_FILE_NAME } from '../../../server/src/core';

export type TemplateEdit =
  | { ok: true; edits: Edit[] }
  /** The file is not a JSON object (a syntax error, or an array): it must be fixed by hand first. */
  | { ok: false; reason: 'syntax' | 'not-object' };

/** `template` undefined removes the key: the template is then detected from each file again. */
export function templateEdits(text: string, template: string | undefined): TemplateEdit {
  if (!text.trim())
    return { ok: true, edits: template === undefined ? [] : [{ offset: 0, length: text.length, content: newConfigText(template) }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root) return { ok: false, reason: 'syntax' };
  if (root.type !== 'object') return { ok: false, reason: 'not-object' };
  // jsonc-parser's own removal also deletes the comments between the key and the one before it.
  if (template === undefined) return { ok: true, edits: removalEdits(text, root, 'template') };
  const edits = modify(text, ['template'], template, {
    formattingOptions: formattingOf(text),
    // A new key goes near the top, after `$schema` and `extends`: it is what a reader looks for first.
    getInsertionIndex: (properties) => {
      let index = 0;
      while (index < properties.length && (properties[index] === '$schema' || properties[index] === 'extends')) index++;
      return index;
    },
  });
  return { ok: true, edits };
}

/**
 * Removes one property with its comma, and its whole line when it had one to itself (a comment
 * after it on that line goes with it); comments on other lines stay where they are.
 */
function removalEdits(text: string, object: Node, key: string): Edit[] {
  const properties = object.children ?? [];
  const index = properties.findIndex((p) => p.children?.[0]?.value === key);
  if (index < 0) return [];
  const property = properties[index];
  const edits: Edit[] = [];
  let start = property.offset;
  let end = property.offset + property.length;

  const scanner = createScanner(text, false);
  scanner.setPosition(end);
  let token = scanner.scan();
  const skip = (...kinds: SyntaxKind[]) => {
    while (kinds.includes(token)) token = scanner.scan();
  };
  skip(SyntaxKind.Trivia, SyntaxKind.BlockCommentTrivia);
  const hasComma = token === SyntaxKind.CommaToken;
  if (hasComma) {
    end = scanner.getTokenOffset() + 1;
    token = scanner.scan();
  }
  skip(SyntaxKind.Trivia);
  if (token === SyntaxKind.LineCommentTrivia) {
    end = scanner.getTokenOffset() + scanner.getTokenLength();
    token = scanner.scan();
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (token === SyntaxKind.LineBreakTrivia && !text.slice(lineStart, start).trim()) {
    start = lineStart;
    end = scanner.getTokenOffset() + scanner.getTokenLength();
  } else if (hasComma && token !== SyntaxKind.LineBreakTrivia) {
    end = scanner.getTokenOffset(); // `"template": "x", "rules"…` on one line: the space goes too
  }
  edits.push({ offset: start, length: end - start, content: '' });

  // The last property leaves the comma before it dangling: remove that one instead.
  if (!hasComma && index > 0) {
    const previous = properties[index - 1];
    scanner.setPosition(previous.offset + previous.length);
    let t = scanner.scan();
    while (t !== SyntaxKind.CommaToken && t !== SyntaxKind.EOF && scanner.getTokenOffset() < property.offset) t = scanner.scan();
    if (t === SyntaxKind.CommaToken) edits.unshift({ offset: scanner.getTokenOffset(), length: 1, content: '' });
  }
  return edits;
}

/** The text after the edit (what the editor will show), or undefined when the file cannot be edited. */
export function withTemplate(text: string, template: string | undefined): string | undefined {
  const result = templateEdits(text, template);
  return result.ok ? applyEdits(text, result.edits) : undefined;
}

/** A new `.minutesrc.json` that only names the template. */
export function newConfigText(template: string): string {
  return `{\n  "template": ${JSON.stringify(template)}\n}\n`;
}

/** The `template` value as written (an id, a path, an inline template), or undefined when there is none or the file does not parse. */
export function configuredTemplate(text: string): unknown {
  const errors: ParseError[] = [];
  const root: unknown = parse(text, errors, { allowTrailingComma: true });
  return typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Record<string, unknown>).template : undefined;
}

/** Indentation and line ends as the file already has them, so inserted lines look like the others. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indent?.length || 2, eol };
}
