import * as v from 'valibot';
import claims from '../../assets/defaults/claims.json';
import lexicon from '../../assets/defaults/lexicon.json';
import { ClaimVocabularySchema } from '../shared/claims';
import { LexiconCategorySchema } from '../shared/framing';

/**
 * What every build starts from, with or without a catalog, as data (assets/defaults/): the
 * words of claim extraction that belong to no story, and a framing lexicon that fits any news
 * (loaded words, hedges, unnamed sources, named quotations, scare quotes). A catalog's own
 * lexicon replaces the default one; its claim vocabulary is laid over the default one.
 */
export const DEFAULT_VOCABULARY = v.parse(ClaimVocabularySchema, claims);
export const DEFAULT_LEXICON = v.parse(v.array(LexiconCategorySchema), lexicon);
