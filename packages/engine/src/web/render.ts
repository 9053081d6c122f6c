// Pages are rendered on the server from Preact components. preact-render-to-string escapes every
// text child and attribute value, so text from CJ or from a form can only ever be text; the one
// place raw markup may enter a page is `dangerouslySetInnerHTML`, used only by json-ld.tsx and by
// Markdown rendered with raw HTML switched off.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document: the doctype and the rendered `<html>` element. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** A fragment (for tests and partial responses). */
export function renderFragment(node: VNode): string {
  return renderToString(node);
}
