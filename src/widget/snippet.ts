/** One run of snippet text; `marked` runs were inside `<mark>` in the API's HTML. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const codePoint = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * Reads the API's snippet HTML as plain text runs. Only `<mark>` survives, as a flag; any other tag is
 * dropped and entities are decoded, so the caller can build DOM with text nodes and never parse markup.
 */
export function parseSnippet(html: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let depth = 0;
  for (const token of html.split(/(<\/?mark\s*>)/i)) {
    if (/^<mark\s*>$/i.test(token)) depth++;
    else if (/^<\/mark\s*>$/i.test(token)) depth = Math.max(0, depth - 1);
    else {
      const text = decodeEntities(token.replace(/<[^>]*>?/g, ''));
      if (text === '') continue;
      const marked = depth > 0;
      const previous = parts.at(-1);
      if (previous?.marked === marked) previous.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}
