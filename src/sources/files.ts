import { readdirSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { readArticle } from '../article/read.js';
import type { Article } from '../article/types.js';

/** Articles larger than this are refused rather than read (a plain-text news story is ~5 KB). */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

export class ArticleFileError extends UserError {
  override name = 'ArticleFileError';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads one plain-text article file; throws ArticleFileError with a one-line reason naming the file. */
export function readArticleFile(path: string, maxBytes = MAX_ARTICLE_BYTES): Article {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ArticleFileError(`${path} is a folder, not an article file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ArticleFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArticleFileError(code === 'ENOENT' ? `${path} does not exist` : `cannot read ${path}: ${code ?? String(error)}`);
  }
  if (size === 0) throw new ArticleFileError(`${path} is empty`);
  if (size > maxBytes) throw new ArticleFileError(`${path} is ${megabytes(size)}, more than the ${megabytes(maxBytes)} an article may be`);

  const bytes = Buffer.alloc(size);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  if (looksBinary(bytes)) throw new ArticleFileError(`${path} looks like a binary file, not plain text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleFileError(`${path} is not valid UTF-8 text; save it as UTF-8`);
  }
  if (!text.trim()) throw new ArticleFileError(`${path} holds only whitespace`);
  return readArticle(text, { origin: path });
}

/** NUL bytes, or many control characters, in the first 8 KB. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length * 0.1;
}

/** Expands folders to their *.txt files (sorted), keeping files as given. */
export function expandArticlePaths(paths: string[]): { files: string[]; errors: ArticleFileError[] } {
  const files: string[] = [];
  const errors: ArticleFileError[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // Not found: readArticleFile names the problem.
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    try {
      const names = readdirSync(path)
        .filter((name) => name.endsWith('.txt'))
        .sort();
      if (names.length === 0) errors.push(new ArticleFileError(`${path} holds no *.txt articles`));
      files.push(...names.map((name) => join(path, name)));
    } catch (error) {
      errors.push(new ArticleFileError(`cannot list ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`));
    }
  }
  return { files, errors };
}

/** Reads every article it can; each file that fails gives one error and the others go on. */
export function readArticleFiles(paths: string[], maxBytes = MAX_ARTICLE_BYTES): { articles: Article[]; errors: ArticleFileError[] } {
  const { files, errors } = expandArticlePaths(paths);
  const articles: Article[] = [];
  for (const file of files) {
    try {
      articles.push(readArticleFile(file, maxBytes));
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      errors.push(error);
    }
  }
  return { articles, errors };
}
