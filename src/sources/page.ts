import { normalizeText } from '../article/normalize.js';
import { collapse, readArticle } from '../article/read.js';
import type { Article } from '../article/types.js';
import { UserError } from '../errors.js';
import { decodeText } from './charset.js';
import { feedItemText, type FeedItem } from './feed.js';
import { displayUrl, HttpClient, type HttpClientOptions } from './http.js';
import { articleText, extractArticle, type ExtractedPage } from './html.js';

/** A page that was fetched but holds no article newsdigest can read. */
export class PageError extends UserError {
  override name = 'PageError';
}

export interface FetchArticleOptions extends HttpClientOptions {
  /** The client to fetch with (shared limits, per-host queue); one is made for this call otherwise. */
  client?: HttpClient;
}

/**
 * Fetches an article page and reads it into an Article: Readability finds the article in the
 * HTML, its paragraphs become the project's plain-text format, title and byline are kept.
 * A text/plain page is read as a plain-text article as it is. Throws FetchError or PageError
 * with a one-line message naming the URL.
 */
export async function fetchArticle(url: string, options: FetchArticleOptions = {}): Promise<Article> {
  const client = options.client ?? new HttpClient(options);
  try {
    const { page, finalUrl } = await fetchPage(url, client);
    return pageArticle(page, finalUrl, displayUrl(url));
  } finally {
    if (!options.client) await client.close();
  }
}

/** Reads the HTML of a page (already fetched) into an Article; `origin` names it in errors. */
export function readPage(html: string, url: string, origin = url): Article {
  const shown = displayUrl(origin);
  const page = extractArticle(html, displayUrl(url));
  if (!page) throw new PageError(`${shown} has no article text newsdigest can find`);
  return pageArticle(page, displayUrl(url), shown);
}

function pageArticle(page: ExtractedPage, url: string, origin: string): Article {
  const article = readArticle(articleText(page.title, page.paragraphs), {
    origin,
    url,
    author: page.byline,
    publishedAt: page.publishedAt,
    publication: page.siteName,
  });
  return withCaptions(article, page.captions);
}

/**
 * The page said which paragraphs are figure captions: mark them so, rather than leave the reader
 * to guess them from their words.
 */
function withCaptions(article: Article, captions: string[] | undefined): Article {
  if (!captions?.length) return article;
  const wanted = new Set(captions.map((caption) => collapse(normalizeText(caption).text)));
  let marked = false;
  const paragraphs = article.paragraphs.map((paragraph) => {
    if (paragraph.role !== 'body') return paragraph;
    const start = paragraph.dateline?.start ?? paragraph.start;
    if (!wanted.has(collapse(article.text.slice(start, paragraph.end)))) return paragraph;
    marked = true;
    return { role: 'caption' as const, start, end: paragraph.end };
  });
  return marked ? { ...article, paragraphs } : article;
}

/** Fetches a page and finds its article: title, byline, date, site name and paragraphs. */
export async function fetchPage(url: string, client: HttpClient): Promise<{ page: ExtractedPage; finalUrl: string }> {
  const response = await client.get(url, { accept: 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5' });
  const shown = displayUrl(url);
  const type = (response.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const text = decodeText(response.body, response.contentType);
  if (type === 'text/plain') {
    const [title = '', ...paragraphs] = text
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter(Boolean);
    if (paragraphs.length === 0) throw new PageError(`${shown} has no article text newsdigest can find`);
    return { page: { title, paragraphs }, finalUrl: response.url };
  }
  if (type && !type.includes('html') && !type.includes('xml')) {
    throw new PageError(`${shown} is ${type}, not a web page with an article`);
  }
  const page = extractArticle(text, response.url);
  if (!page) throw new PageError(`${shown} has no article text newsdigest can find`);
  return { page, finalUrl: response.url };
}

/**
 * A feed item as an Article: its own text when the feed carries it, else the linked page's
 * article (fetched with `client`), keeping the feed's title, author, date and publication.
 * `feedUrl` is the feed's URL (named without any `user:pass@`).
 */
export async function feedItemArticle(item: FeedItem, feedUrl: string, client: HttpClient): Promise<Article> {
  const origin = displayUrl(feedUrl);
  const source = { origin, url: item.link, author: item.author, publishedAt: item.publishedAt, publication: item.publication };
  const text = feedItemText(item);
  if (text) return withCaptions(readArticle(text, source, { hasTitleLine: Boolean(item.title) }), item.captions);
  if (!item.link) throw new PageError(`item "${item.title}" in ${origin} has no text and no link to read it from`);
  const { page, finalUrl } = await fetchPage(item.link, client);
  const article = readArticle(articleText(item.title || page.title, page.paragraphs), {
    ...source,
    url: finalUrl,
    author: item.author ?? page.byline,
    publishedAt: item.publishedAt ?? page.publishedAt,
    publication: item.publication ?? page.siteName,
  });
  return withCaptions(article, page.captions);
}
