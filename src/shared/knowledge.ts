import * as v from 'valibot';
import { ClaimVocabularySchema } from './claims';
import { CLUTTER_REASONS } from './clutter';
import { ENTITY_TYPES } from './entity-types';
import { FramingCountSchema, LexiconCategorySchema } from './framing';

/**
 * The knowledge pack: what Crossread knows, built from a corpus by `npm run knowledge`.
 * These schemas are the one source of truth: the TypeScript types are inferred from them, the
 * JSON Schema file (`schema/knowledge-pack.schema.json`) is generated from them, and the build
 * and the extension validate against them at run time. Every `sentence` and `quote` below is
 * verbatim from the source it names (after whitespace and quote-mark normalisation).
 */
export const PACK_SCHEMA_VERSION = 3;

export { ENTITY_TYPES };

/** A schema with its description (it reaches the generated JSON Schema). */
const d = <S extends v.GenericSchema>(schema: S, description: string) => v.pipe(schema, v.description(description));

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const Offset = d(Count, 'An offset in UTF-16 code units into the source file’s text exactly as read, header lines included.');

/** A direct quotation in a source: who speaks, and where (the words between the marks). */
export const SourceQuoteSchema = v.object({
  start: Offset,
  end: Offset,
  speaker: d(v.nullable(v.string()), 'Who speaks, as the text names them (fullest name), or a body ("Pentagon"), or unnamed people ("US officials"); null when the text does not say.'),
  speakerEntity: d(v.optional(v.string()), 'The pack entity of the speaker, where there is one.'),
  named: d(v.boolean(), 'True when the text names the speaker (a person or a body); false when it only describes them ("US officials", "a statement") or does not say.'),
  kind: d(v.picklist(['full', 'partial', 'block']), '`full`: a sentence or more in marks; `partial`: a few words inside the writer’s sentence; `block`: verbatim without marks (a transcript turn, a statement after "said:").'),
  scare: d(v.boolean(), 'Scare quotes: words in marks that nobody is quoted as saying, the outlet’s own distancing (they stay in its framing).'),
});

/** Page clutter in a source, left out of everything the pack states about it. */
export const ExcludedSchema = v.object({
  start: Offset,
  end: Offset,
  reason: v.picklist(CLUTTER_REASONS),
});

/** One corpus text and what is known of its provenance (never more than the text shows). */
export const SourceSchema = v.object({
  id: v.string(),
  file: v.string(),
  label: d(v.string(), 'Short name shown to readers, e.g. "AFP wire story (republished)".'),
  headline: v.string(),
  outlet: v.string(),
  attributedTo: v.string(),
  kind: v.string(),
  date: v.string(),
  provenanceNote: d(v.string(), 'Why the date and attribution say what they say, as read off the text.'),
  url: d(v.optional(v.string()), 'Where the article was published, when its file says so.'),
  text: d(v.string(), 'The text as read from its file (or extracted from a page or a record): every offset of the pack points into it, every quotation and sentence stands in it.'),
  words: d(Count, 'Words in the outlet’s own voice (quotations and page clutter left out), the denominator for rates.'),
  quotes: d(v.array(SourceQuoteSchema), 'Every direct quotation in the text, in order, with its speaker.'),
  excluded: d(v.array(ExcludedSchema), 'Page clutter (reader comments, bylines, credits, tags, related stories, footers), in order.'),
});

export const AliasSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1)),
  caseSensitive: v.boolean(),
  outside: d(v.optional(v.boolean()), 'A spelling readers meet elsewhere that no corpus text uses (exempt from the coverage check).'),
  generic: d(v.optional(v.boolean()), 'A common noun ("strikers"): counted in the corpus, but marked on pages only with context.'),
  ambiguous: d(v.optional(v.boolean()), 'A name that is also a common word or another name ("Turkey", "Jordan", "IS"): marked on pages only with context.'),
});

/** Words a source quotes from a person or body, with the sentence they stand in. */
export const QuoteSchema = v.object({ quote: v.string(), sentence: v.string(), kind: v.picklist(['full', 'partial', 'block']) });

/** A label or descriptor a source attaches to an entity ("junta", "a senior fellow at ..."). */
export const LabelSchema = v.object({
  text: v.string(),
  kind: d(v.picklist(['lexicon', 'title', 'apposition']), '`lexicon`: a framing-lexicon term at the name; `title`: words before a name; `apposition`: ", a ..., " after or before it.'),
  category: d(v.optional(v.string()), 'The framing category of a lexicon label.'),
  distancing: d(
    v.optional(v.picklist(['scare', 'reported'])),
    "Words the outlet keeps at a distance: `scare` when it puts them in scare quotes ('moderate' fighters), `reported` when it gives them as someone else's view (groups \"it regards as moderate\"). Absent: the outlet's own word.",
  ),
  sentence: v.string(),
});

/** What one source says about one entity. */
export const MentionSchema = v.object({
  sourceId: v.string(),
  count: d(v.pipe(Count, v.minValue(1)), 'Times the source names the entity, in its own voice or in quotations (page clutter left out).'),
  quoted: d(Count, 'How many of those are inside quotations: someone else’s words.'),
  aliases: d(v.array(v.string()), 'The spellings the source uses in its own voice, as the pack spells them (naming is framing).'),
  quotedAliases: d(v.array(v.object({ alias: v.string(), speaker: v.nullable(v.string()) })), 'Spellings met only inside quotations: whose words they are.'),
  sentence: d(v.string(), 'The best sentence to show: own voice before quotations, prose before headlines.'),
  sentences: d(v.array(v.string()), 'Every distinct sentence of the source that names the entity, in text order.'),
  quotes: d(v.array(QuoteSchema), 'Quotations the source gives this entity as their speaker.'),
  labels: v.array(LabelSchema),
  related: d(v.array(v.object({ entityId: v.string(), count: v.pipe(Count, v.minValue(1)) })), 'Entities named in the same sentences, most often first.'),
});

export const EntitySchema = v.object({
  id: Id,
  name: v.string(),
  type: v.picklist(ENTITY_TYPES),
  roles: d(
    v.array(v.object({ text: v.string(), sourceId: v.string(), sentence: v.string() })),
    'What the entity is, as each source describes it in its own voice ("U.S. Secretary of State"): whose description each role is.',
  ),
  origin: d(v.picklist(['catalog', 'extracted']), '`catalog`: curated; `extracted`: found by the NLP pass alone (a corpus without a catalog).'),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  mentions: v.array(MentionSchema),
});

/** The framing lexicon and each source's profile against it. */
export const FramingSchema = v.object({
  categories: v.array(LexiconCategorySchema),
  profiles: v.array(v.object({ sourceId: v.string(), counts: v.array(FramingCountSchema) })),
});

/** Who holds a position or states a figure: the outlet in its own voice, someone it quotes, or someone it attributes it to. */
export const HolderSchema = v.object({
  voice: v.picklist(['own', 'quoted', 'attributed']),
  who: d(v.optional(v.string()), 'The speaker or the attributed source ("Maria Lopez", "US officials"), when not the outlet.'),
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
  start: d(Count, 'Where the figure starts in the source text.'),
  scope: d(v.picklist(['total', 'recent', 'event', 'unknown']), 'What the figure covers: `total` (the whole war or story), `recent` (a recent period), `event` (one attack or incident), or `unknown`; only figures of the same measure and scope are compared.'),
  bound: d(v.picklist(['exact', 'at least', 'at most', 'about']), '"more than 13 hours" is a lower bound: it does not contradict "a day".'),
  holder: d(HolderSchema, 'Whose figure it is: the outlet’s own, a quoted speaker’s, or one the outlet attributes ("US officials said").'),
  placeIds: d(v.array(v.string()), 'Places named within 60 characters of the figure (they tell apart figures about different places).'),
});

export const EvidenceSchema = v.object({
  quote: d(v.string(), 'The words that carry the position, verbatim.'),
  sentence: d(v.string(), 'The whole sentence around them, verbatim.'),
});

/** A point on which sources differ: each source's position with its evidence, and who is silent. */
export const DisagreementSchema = v.object({
  id: Id,
  topic: v.string(),
  question: v.string(),
  kind: d(v.picklist(['fact', 'naming', 'framing']), '`fact`: what happened or how many; `naming`: what a thing is called; `framing`: which words describe it.'),
  origin: d(v.picklist(['curated', 'extracted']), '`curated`: from the claims catalog; `extracted`: figures that differ, found without curation (a candidate).'),
  entityIds: v.array(v.string()),
  positions: v.pipe(
    v.array(
      v.object({
        sourceId: v.string(),
        position: v.string(),
        evidence: v.pipe(v.array(EvidenceSchema), v.minLength(1)),
        holder: d(HolderSchema, 'Whose position it is: the outlet’s own, or someone the outlet quotes or cites (then the outlet only reports it).'),
        dateNote: d(v.optional(v.string()), 'Set when the source was written months apart from the others: a difference may be one of time.'),
      }),
    ),
    v.minLength(2),
  ),
  mentions: d(v.array(v.object({ sourceId: v.string(), evidence: v.pipe(v.array(EvidenceSchema), v.minLength(1)) })), 'Sources that touch the point without taking a position on it, with the sentences that do.'),
  silent: d(v.array(v.string()), 'Sources with no sentence that touches the point.'),
  apparent: d(v.optional(v.string()), 'Set when the difference may be only apparent (one moment in two time zones, rounding, a bound): why.'),
  note: v.optional(v.string()),
  curatedAs: d(v.optional(v.string()), 'For an extracted candidate: the curated disagreement covering the same figures, if any.'),
});

/** What the corpus is about, in words for readers ("the 2016 talks on …"): from the catalog, or derived from the texts. */
export const StorySchema = v.object({
  title: v.pipe(v.string(), v.minLength(1)),
  derived: d(v.boolean(), 'True when the build worded the title itself from the texts (no catalog gave one).'),
});

export const PackSchema = v.object({
  schemaVersion: d(v.literal(PACK_SCHEMA_VERSION), 'Bumped on every incompatible change of this schema.'),
  story: d(StorySchema, 'What the corpus is about.'),
  measures: d(ClaimVocabularySchema, 'The words figures were read with (units, topics of durations and days), so a page is read with the same ones.'),
  sources: d(v.array(SourceSchema), 'The corpus texts and their provenance, as read off each text.'),
  entities: d(v.array(EntitySchema), 'People, organisations, armed groups, places, institutions and events, with every spelling and what each source says of them.'),
  framing: d(FramingSchema, 'The framing lexicon and each source’s profile against it, with evidence.'),
  claims: d(v.array(ClaimSchema), 'Figures and dates stated in the sources (casualties, counts, durations, days, dates).'),
  disagreements: d(v.array(DisagreementSchema), 'Points on which sources differ: curated, and extracted candidates.'),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type SourceQuote = v.InferOutput<typeof SourceQuoteSchema>;
export type Holder = v.InferOutput<typeof HolderSchema>;
export type Label = v.InferOutput<typeof LabelSchema>;
export type Mention = v.InferOutput<typeof MentionSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type EntityType = Entity['type'];
export type Framing = v.InferOutput<typeof FramingSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type Disagreement = v.InferOutput<typeof DisagreementSchema>;
export type KnowledgePack = v.InferOutput<typeof PackSchema>;
export type Story = v.InferOutput<typeof StorySchema>;
