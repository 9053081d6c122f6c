// The page shell every HTML face renders into: <html lang>, the head (title, description,
// canonical, social cards, structured data, preloads, stylesheets) and a body with a skip link.
// Faces pass their own header, main and footer as children.
import type { ComponentChildren } from 'preact';
import type { Messages } from './i18n/index.js';
import { JsonLd } from './json-ld.js';

export interface Preload {
  href: string;
  as: 'image' | 'style' | 'script' | 'font';
  type?: string;
  imageSrcSet?: string;
  imageSizes?: string;
  fetchPriority?: 'high' | 'low' | 'auto';
}

export interface PageHead {
  title: string;
  description?: string;
  /** Absolute URL of the page's canonical address. */
  canonical?: string;
  /** e.g. "noindex, nofollow" for the cart, checkout and error pages. */
  robots?: string;
  openGraph?: {
    type: 'website' | 'product' | 'article';
    siteName: string;
    /** Absolute URL of the image (1200 px wide works best for sharing). */
    image?: string;
    imageAlt?: string;
  };
  jsonLd?: unknown[];
  preloads?: Preload[];
  /** Colour of the browser's UI on phones. */
  themeColor?: string;
}

export interface DocumentProps {
  messages: Messages;
  head: PageHead;
  /** URLs of fingerprinted stylesheets, in order. */
  stylesheets: string[];
  /** URLs of fingerprinted scripts (deferred; pages work without them). */
  scripts?: string[];
  /** Favicon URL. */
  icon?: string;
  bodyClass?: string;
  /** id of the element the skip link jumps to. */
  mainId?: string;
  children: ComponentChildren;
}

export function Document(props: DocumentProps) {
  const { head, messages } = props;
  const og = head.openGraph;
  return (
    <html lang={messages.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.robots && <meta name="robots" content={head.robots} />}
        {head.canonical && <link rel="canonical" href={head.canonical} />}
        {head.themeColor && <meta name="theme-color" content={head.themeColor} />}
        {props.icon && <link rel="icon" href={props.icon} />}
        {og && (
          <>
            <meta property="og:type" content={og.type} />
            <meta property="og:site_name" content={og.siteName} />
            <meta property="og:title" content={head.title} />
            {head.description && <meta property="og:description" content={head.description} />}
            {head.canonical && <meta property="og:url" content={head.canonical} />}
            {og.image && <meta property="og:image" content={og.image} />}
            {og.image && og.imageAlt && <meta property="og:image:alt" content={og.imageAlt} />}
            <meta name="twitter:card" content={og.image ? 'summary_large_image' : 'summary'} />
            <meta name="twitter:title" content={head.title} />
            {head.description && <meta name="twitter:description" content={head.description} />}
            {og.image && <meta name="twitter:image" content={og.image} />}
          </>
        )}
        {(head.preloads ?? []).map((p) => {
          // Preact's types lack `imagesizes` (a valid attribute of a preloaded responsive image).
          const sizes: Record<string, string | undefined> = { imagesizes: p.imageSizes };
          return <link key={p.href} rel="preload" href={p.href} as={p.as} type={p.type} imageSrcSet={p.imageSrcSet} fetchPriority={p.fetchPriority} {...sizes} />;
        })}
        {props.stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {(props.scripts ?? []).map((src) => (
          <script key={src} src={src} defer />
        ))}
        {(head.jsonLd ?? []).map((data, i) => (
          <JsonLd key={i} data={data} />
        ))}
      </head>
      <body class={props.bodyClass}>
        <a class="skip-link" href={`#${props.mainId ?? 'main'}`}>
          {messages.common.skipToContent}
        </a>
        {props.children}
      </body>
    </html>
  );
}
