/**
 * `minutes/render`: an open document as the preview pane's HTML. Rendering lives here, not in
 * the extension host: the client then carries no Markdown or HTML parser (a smaller .vsix), and
 * long minutes cost this process time, not every extension's.
 */
import { RequestType, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { renderMinutesHtml, type Lang } from '../../core';
import { RENDER_METHOD, type RenderParams, type RenderResult } from '../../protocol';

export const renderRequest = new RequestType<RenderParams, RenderResult | null, void>(RENDER_METHOD);

export interface RenderContext {
  documents: TextDocuments<TextDocument>;
  lang(): Lang;
  log(message: string): void;
}

export function registerRender(connection: Connection, context: RenderContext): void {
  connection.onRequest(renderRequest, ({ uri, remoteImages, imageToken }) => {
    // The editor's text, as the summary: a document the editor has not opened is not shown.
    const document = context.documents.get(uri);
    if (!document) return null;
    try {
      const images: string[] = [];
      const plain = document.languageId === 'plaintext' || /\.txt$/i.test(uri);
      const html = renderMinutesHtml(document.getText(), {
        format: plain ? 'plaintext' : 'markdown',
        lang: context.lang(),
        remoteImages: remoteImages === true,
        // Without a token there is nothing the client could resolve: such images are dropped.
        resolveImage: imageToken ? (src) => `${imageToken}${images.push(src) - 1}` : undefined,
      });
      return { version: document.version, html, images };
    } catch (error) {
      context.log(`rendering ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  });
}
