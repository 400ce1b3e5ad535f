import * as v from 'valibot';
import { FramingCountSchema, LexiconCategorySchema } from './framing';

/**
 * The knowledge pack: what Crossread knows, built from a corpus by `npm run knowledge`.
 * These schemas are the one source of truth: the TypeScript types are inferred from them, the
 * JSON Schema file (`schema/knowledge-pack.schema.json`) is generated from them, and the build
 * and the extension validate against them at run time. Every `sentence` and `quote` below is
 * verbatim from the source it names (after whitespace and quote-mark normalisation).
 */
export const PACK_SCHEMA_VERSION = 2;

export const ENTITY_TYPES = ['person', 'organization', 'armed group', 'place', 'institution', 'event'] as const;

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** One corpus text and what is known of its provenance (never more than the text shows). */
export const SourceSchema = v.object({
  id: v.string(),
  file: v.string(),
  /** Short name shown to readers, e.g. "AFP wire story (republished)". */
  label: v.string(),
  headline: v.string(),
  outlet: v.string(),
  attributedTo: v.string(),
  kind: v.string(),
  date: v.string(),
  /** Why the date and attribution say what they say, as read off the text. */
  provenanceNote: v.string(),
  /** Words in the text, the denominator for rates. */
  words: Count,
});

export const AliasSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1)),
  caseSensitive: v.boolean(),
  /** A spelling readers meet elsewhere that no corpus text uses (exempt from the coverage check). */
  outside: v.optional(v.boolean()),
  /** A common noun ("rebels"): counted in the corpus, but marked on pages only with context. */
  generic: v.optional(v.boolean()),
});

/** Words a source quotes from a person or body, with the sentence they stand in. */
export const QuoteSchema = v.object({ quote: v.string(), sentence: v.string() });

/** A label or descriptor a source attaches to an entity ("regime", "a senior fellow at ..."). */
export const LabelSchema = v.object({
  text: v.string(),
  /** `lexicon`: a framing-lexicon term at the name; `title`: words before a name; `apposition`: ", a ..., " after or before it. */
  kind: v.picklist(['lexicon', 'title', 'apposition']),
  /** The framing category of a lexicon label. */
  category: v.optional(v.string()),
  /** True when the source puts the label or name in quotation marks of its own ('moderate' rebels). */
  scareQuoted: v.boolean(),
  sentence: v.string(),
});

/** What one source says about one entity. */
export const MentionSchema = v.object({
  sourceId: v.string(),
  count: v.pipe(Count, v.minValue(1)),
  /** The aliases this source uses, as the pack spells them (naming is framing). */
  aliases: v.array(v.string()),
  /** The best sentence to show: article before comment, prose before page chrome. */
  sentence: v.string(),
  /** Every distinct sentence of the source that names the entity, in text order. */
  sentences: v.array(v.string()),
  /** True when `sentence` is in a reader comment below the article, not the article. */
  inComment: v.boolean(),
  quotes: v.array(QuoteSchema),
  labels: v.array(LabelSchema),
  /** Entities named in the same sentences, most often first. */
  related: v.array(v.object({ entityId: v.string(), count: v.pipe(Count, v.minValue(1)) })),
});

export const EntitySchema = v.object({
  id: Id,
  name: v.string(),
  type: v.picklist(ENTITY_TYPES),
  /** One line, as the corpus states it ("U.S. Secretary of State"). */
  role: v.optional(v.string()),
  /** `catalog`: curated; `extracted`: found by the NLP pass alone (a corpus without a catalog). */
  origin: v.picklist(['catalog', 'extracted']),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  mentions: v.array(MentionSchema),
});

/** The framing lexicon and each source's profile against it. */
export const FramingSchema = v.object({
  categories: v.array(LexiconCategorySchema),
  profiles: v.array(v.object({ sourceId: v.string(), counts: v.array(FramingCountSchema) })),
});

/** A numeric or date claim found in a source (see src/shared/claims.ts). */
export const ClaimSchema = v.object({
  id: v.string(),
  sourceId: v.string(),
  kind: v.picklist(['count', 'duration', 'day', 'date']),
  measure: v.string(),
  value: v.string(),
  text: v.string(),
  sentence: v.string(),
  /** Places named within 60 characters of the figure (they tell apart figures about different places). */
  placeIds: v.array(v.string()),
});

export const EvidenceSchema = v.object({
  /** The words that carry the position, verbatim. */
  quote: v.string(),
  /** The whole sentence around them, verbatim. */
  sentence: v.string(),
});

/** A point on which sources differ: each source's position with its evidence, and who is silent. */
export const DisagreementSchema = v.object({
  id: Id,
  topic: v.string(),
  question: v.string(),
  /** `fact`: what happened or how many; `naming`: what a thing is called; `framing`: which words describe it. */
  kind: v.picklist(['fact', 'naming', 'framing']),
  /** `curated`: from the claims catalog; `extracted`: figures that differ, found without curation (a candidate). */
  origin: v.picklist(['curated', 'extracted']),
  entityIds: v.array(v.string()),
  positions: v.pipe(
    v.array(v.object({ sourceId: v.string(), position: v.string(), evidence: v.pipe(v.array(EvidenceSchema), v.minLength(1)) })),
    v.minLength(2),
  ),
  /** Sources that say nothing on the point. */
  silent: v.array(v.string()),
  note: v.optional(v.string()),
  /** For an extracted candidate: the curated disagreement covering the same figures, if any. */
  curatedAs: v.optional(v.string()),
});

export const PackSchema = v.object({
  schemaVersion: v.literal(PACK_SCHEMA_VERSION),
  sources: v.array(SourceSchema),
  entities: v.array(EntitySchema),
  framing: FramingSchema,
  claims: v.array(ClaimSchema),
  disagreements: v.array(DisagreementSchema),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type Label = v.InferOutput<typeof LabelSchema>;
export type Mention = v.InferOutput<typeof MentionSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type EntityType = Entity['type'];
export type Framing = v.InferOutput<typeof FramingSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type Disagreement = v.InferOutput<typeof DisagreementSchema>;
export type KnowledgePack = v.InferOutput<typeof PackSchema>;
