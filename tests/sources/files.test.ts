import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile, readArticleFiles } from '../../src/sources/files.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-files-'));
  writeFileSync(join(dir, 'good.txt'), 'A good story\n\nThe mayor opened the bridge on Friday.');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x0a, 0x42, 0x6f, 0x64, 0x79, 0x2e]));
  writeFileSync(join(dir, 'huge.txt'), '');
  truncateSync(join(dir, 'huge.txt'), 50 * 1024 * 1024);
  writeFileSync(join(dir, 'notes.md'), 'ignored');
  mkdirSync(join(dir, 'empty-folder'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('article files', () => {
  it('reads a good file', () => {
    expect(readArticleFile(join(dir, 'good.txt')).title).toBe('A good story');
  });

  it.each([
    ['missing.txt', /missing\.txt does not exist$/],
    ['empty.txt', /empty\.txt is empty$/],
    ['blank.txt', /blank\.txt holds only whitespace$/],
    ['binary.txt', /binary\.txt looks like a binary file, not plain text$/],
    ['latin1.txt', /latin1\.txt is not valid UTF-8 text; save it as UTF-8$/],
    ['huge.txt', /huge\.txt is 50\.0 MB, more than the 10\.0 MB an article may be$/],
  ])('refuses %s with a one-line error naming the file', (name, message) => {
    expect(() => readArticleFile(join(dir, name))).toThrow(message);
    try {
      readArticleFile(join(dir, name));
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).name).toBe('ArticleFileError');
    }
  });

  it('reads every good file of a folder and reports each bad one', () => {
    const { articles, errors } = readArticleFiles([dir, join(dir, 'missing.txt'), join(dir, 'empty-folder')]);
    expect(articles.map((a) => a.title)).toEqual(['A good story']);
    expect(errors.map((e) => e.message)).toHaveLength(7);
    expect(errors.some((e) => /empty-folder holds no \*\.txt articles/.test(e.message))).toBe(true);
  });
});
