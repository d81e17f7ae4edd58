import { figureRecord } from '../summarize/json.js';
import { outletName } from './outlets.js';
import type { DigestItem } from './types.js';

/**
 * A story as a JSON record, in the manner of `summarize --json`: the merged quotes and figures,
 * each with the outlets that reported it, and the story's sources and outlet count, so the
 * provenance survives outside the renderers.
 */
export function storyRecord(item: DigestItem) {
  return {
    id: item.id,
    headline: item.headline,
    summary: item.summary,
    outletCount: item.outletCount ?? new Set(item.sources.map(outletName)).size,
    quotes: item.quotes.map(({ text, speaker, speakerRole, key, rank, outlets }) => ({
      text,
      speaker,
      speakerRole,
      key,
      rank,
      outlets: outlets ?? [],
    })),
    casualties: item.figures.map((figure) => ({ ...figureRecord(figure), outlets: figure.outlets ?? [] })),
    sources: item.sources.map((source) => ({
      articleId: source.articleId,
      outlet: outletName(source),
      title: source.title,
      url: source.url,
      agency: source.agency,
      publishedAt: source.publishedAt,
    })),
    ...(item.development ? { development: item.development } : {}),
    ...(item.timeline ? { timeline: item.timeline } : {}),
  };
}
