import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../search/query.ts';
import { Field } from './index-terms.ts';
import { planQuery, TIER_WEIGHTS } from './plan.ts';

const noCorrections = () => [];
const titleTier = (q: string) => planQuery(analyzeQuery(q), noCorrections)!.tiers.find((tier) => tier.weight === TIER_WEIGHTS.titleAll)!.match;

describe('planQuery', () => {
  it('asks the title for the exact forms of a diacritized query, and for the folded words of another', () => {
    expect(titleTier('truyền thống')).toEqual([{ field: Field.titleExact, terms: [['truyeenf'], ['thoongs']] }]);
    expect(titleTier('truyen thong')).toEqual([{ field: Field.title, terms: [['truyen'], ['thong']] }]);
  });

  it('scores title words in their exact form, with the folded form whose twins count against a title', () => {
    expect(planQuery(analyzeQuery('đảng'), noCorrections)!.titleTerms).toEqual([{ term: 'ddangr', folded: 'dang' }]);
    expect(planQuery(analyzeQuery('dang'), noCorrections)!.titleTerms).toEqual([{ term: 'dang', folded: null }]);
  });

  it('looks for a typo-corrected reading in the title by its folded words', () => {
    const plan = planQuery(analyzeQuery('hoi thaor'), (word) => (word === 'thaor' ? ['thao'] : []))!;
    expect(plan.tiers.find((tier) => tier.weight === TIER_WEIGHTS.titleAll)!.match).toContainEqual({ field: Field.title, terms: [['hoi'], ['thao']] });
  });
});
