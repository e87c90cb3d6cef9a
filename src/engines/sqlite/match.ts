/**
 * FTS5 match expressions. Every user word becomes a quoted FTS5 string (quotes doubled), so no
 * query text is ever read as FTS5 syntax (`OR`, `NEAR`, `*`, `:`, parentheses).
 */

export const FOLDED_COLUMNS = ['title_folded', 'body_folded', 'joined', 'entities'] as const;
export const EXACT_COLUMNS = ['title_exact', 'body_exact'] as const;
export const PHRASE_FOLDED_COLUMNS = ['title_folded', 'body_folded'] as const;

export function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function inColumns(columns: readonly string[], expression: string): string {
  return `{${columns.join(' ')}} : (${expression})`;
}

/** Every term present (each term may be any of its alternatives), in the given columns. */
export function allTermsExpression(columns: readonly string[], terms: readonly (readonly string[])[]): string {
  const groups = terms.map((alternatives) => (alternatives.length === 1 ? quote(alternatives[0]!) : `(${alternatives.map(quote).join(' OR ')})`));
  return inColumns(columns, groups.join(' AND '));
}

/** The terms next to each other, in order, in the given columns. */
export function phraseExpression(columns: readonly string[], terms: readonly string[]): string {
  return inColumns(columns, terms.map(quote).join(' + '));
}

/** Phrase whose last word may be incomplete, for as-you-type suggestions. */
export function prefixPhraseExpression(columns: readonly string[], terms: readonly string[]): string {
  return inColumns(columns, `${terms.map(quote).join(' + ')} *`);
}

export function anyOf(expressions: readonly string[]): string {
  return expressions.length === 1 ? expressions[0]! : expressions.map((expression) => `(${expression})`).join(' OR ');
}
