// Structured data for search engines. JSON is not HTML: inside <script> a "</script>" or "<!--" in
// a product title would end the block and turn supplier text into markup, so every "<", ">" and
// "&" is written as a JSON unicode escape, which parses back to the same string.
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function JsonLd({ data }: { data: unknown }) {
  // A data block, not a script: browsers never run it, so the page's CSP does not need to allow it.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
