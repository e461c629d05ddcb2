import type { Nodes, Parent, Root, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct, Extension } from 'micromark-util-types';
import { parse, postprocess, preprocess } from 'micromark';
import { compileEvents, type Place } from './compile';

/*
 * CommonMark + GFM into mdast: the very tree remark-parse with remark-gfm builds (checked
 * against it by `npm run check:parse` and test/unit/gfm.test.ts), for less work.
 *
 * Bare addresses (`www.…`, `https://…`, `a@b.c`) are the costly part of GFM. The parser tries
 * its e-mail construct at the start of every ASCII word, which splits the text into many small
 * data tokens, and the mdast step then runs four regular expressions over every text node in
 * four walks of the tree. Here a text is parsed with only the constructs that can succeed in
 * it (no `@`, no e-mail construct: each one must consume the characters tested for), and the
 * mdast step's pass runs only on text nodes that can hold an address, each alone.
 *
 * GFM's table is tried at the start of every line, a paragraph's continuation lines included,
 * where micromark tries it as an interruption: each such try makes an object whose prototype
 * is the tokenizer, and with those tries the tokenizer and every event of its piece survive the
 * young collections and are promoted before they die (most likely held from the old generation
 * by what V8 makes for a new prototype; measured, not traced: a 1.2 KB piece parsed 2,000 times
 * promotes 117 MiB with the table, 10 MiB without). A table needs a `|` in its head row, and a try that meets none ends on its
 * own line without a trace (it carries over to the next line only past a head row with a pipe):
 * text without `|` is parsed without the table construct, to the same events.
 */

type AddressConstruct = 'emailAutolink' | 'wwwAutolink' | 'protocolAutolink';
/** The constructs a text may be parsed without: the address constructs, and the table. */
type OptionalConstruct = AddressConstruct | 'table';

/** What each address construct must read somewhere in the text to succeed. */
const NEEDS: Record<OptionalConstruct, RegExp> = {
  emailAutolink: /@/,
  wwwAutolink: /www\./i,
  protocolAutolink: /https?:\/\//i,
  table: /\|/,
};

/** The GFM syntax with only the optional constructs named, combined as `micromark-extension-gfm` combines it. */
function gfmSyntax(wanted: ReadonlySet<string>): Extension {
  const text: Record<number, Construct[]> = {};
  for (const [code, value] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const kept = (Array.isArray(value) ? value : [value]).filter((c): c is Construct => c !== undefined && wanted.has(c.name ?? ''));
    if (kept.length) text[Number(code)] = kept;
  }
  const table = wanted.has('table') ? [gfmTable()] : [];
  return combineExtensions([{ text }, gfmFootnote(), gfmStrikethrough(), ...table, gfmTaskListItem()]);
}

/** One syntax per set of optional constructs, made when first needed (at most sixteen). */
const syntaxes = new Map<string, Extension>();

function syntaxFor(source: string): Extension {
  const wanted = (Object.keys(NEEDS) as OptionalConstruct[]).filter((name) => NEEDS[name].test(source));
  const key = wanted.join();
  let syntax = syntaxes.get(key);
  if (!syntax) syntaxes.set(key, (syntax = gfmSyntax(new Set(wanted))));
  return syntax;
}

const fromGfm = gfmFromMarkdown();
/** GFM's address pass over the tree (four regular expressions, each over every text node). */
const linkAddresses = fromGfm.flatMap((extension) => extension.transforms ?? []);
/** The mdast step without that pass: `linkBareAddresses` runs it where it can find something. */
const mdastExtensions = fromGfm.map((extension) => ({ ...extension, transforms: [] }));

/**
 * Parses Markdown (CommonMark + GFM) into mdast, positions included; with `place`, positions
 * are those of a piece starting there in its document.
 */
export function parseGfm(source: string, place?: Place): Root {
  const extensions = [syntaxFor(source)];
  const events = postprocess(
    parse({ extensions })
      .document()
      .write(preprocess()(source, undefined, true)),
  );
  let root: Root;
  try {
    root = compileEvents(events, place);
  } catch (error) {
    // Too deep for the stack: the caller reads the text as plain (model/markdown.ts). Anything
    // else (events that do not nest) is built again by mdast-util-from-markdown, which
    // answers as it always did, an error included.
    if (error instanceof RangeError) throw error;
    root = fromMarkdown(source, { extensions, mdastExtensions });
    if (place) movePoints(root, place);
  }
  linkBareAddresses(root);
  return root;
}

/** Moves every point of a tree (its own, none shared with another tree) to `place`. */
function movePoints(root: Root, place: Place): void {
  const seen = new Set<object>();
  const nodes: Nodes[] = [root];
  while (nodes.length) {
    const node = nodes.pop()!;
    const p = node.position;
    for (const at of p ? [p.start, p.end] : []) {
      if (seen.has(at)) continue;
      seen.add(at);
      at.line += place.line;
      at.offset = (at.offset ?? 0) + place.offset;
    }
    if ('children' in node) nodes.push(...node.children);
  }
}

/*
 * Every match of the pass starts with `http://`, `https://` or `www.`, or holds an `@` after
 * an address character and before a domain one. Each text node is rewritten from its own value
 * alone (a match reads nothing around the node), so a node that cannot match is left as it is.
 */
const MAY_HOLD_ADDRESS = /https?:\/\/|www\.|[\w+.-]@[\w-]/i;

/** Links, as GFM's pass does, the bare addresses of text outside links and link references. */
function linkBareAddresses(root: Root): void {
  const parents: Parent[] = [root];
  while (parents.length) {
    const { children } = parents.pop()!;
    for (let i = children.length - 1; i >= 0; i--) {
      const child: Nodes = children[i];
      if (child.type === 'text') {
        if (MAY_HOLD_ADDRESS.test(child.value)) children.splice(i, 1, ...linkedIn(child));
      } else if ('children' in child && child.type !== 'link' && child.type !== 'linkReference') {
        parents.push(child);
      }
    }
  }
}

/** What GFM's pass makes of one text node: itself, or text and link nodes. */
function linkedIn(text: Text): Parent['children'] {
  let alone: Root = { type: 'root', children: [text] };
  for (const transform of linkAddresses) alone = transform(alone) ?? alone;
  return alone.children;
}
