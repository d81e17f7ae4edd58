import { readArticle } from '../article/read.js';
import type { Article } from '../article/types.js';
import { UserError } from '../errors.js';
import { decodeText } from '../sources/charset.js';
import { articleText, extractArticle } from '../sources/html.js';
import type { HttpClient } from '../sources/http.js';

/** The commands' `fetchArticle`: a public page through the polite client, read as an Article. */
export function pageFetcher(client: HttpClient): (url: string) => Promise<Article> {
  return async (url) => {
    const response = await client.get(url, { accept: 'text/html,application/xhtml+xml' });
    const page = extractArticle(decodeText(response.body, response.contentType), response.url);
    if (!page) throw new UserError(`${url} has no article text newsdigest can read`);
    return readArticle(articleText(page.title, page.paragraphs), {
      origin: response.url,
      url: response.url,
      publication: page.siteName,
      author: page.byline,
      publishedAt: page.publishedAt,
    });
  };
}
