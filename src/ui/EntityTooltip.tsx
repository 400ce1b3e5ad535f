import { disagreementsOf, holderPhrase, labelPhrases, sourceFramingNote, type EvidencedPhrase } from '../shared/framing-note';
import type { Entity, KnowledgePack, Mention } from '../shared/knowledge';
import type { Translator } from '../shared/i18n';
import type { EntityCard, NoteColor } from '../shared/protocol';
import { NoteForm } from './NoteForm';
import { useTranslator } from './use-translator';
import { ENTITY_TYPE_NAMES } from './vocabulary';

/**
 * How often a source names the entity, in words that say whose words they are: "5× as Lopez,
 * Maria Lopez", "2× as Chile, 3× more in quotations", "3×, only in quotations".
 */
function mentionCount(m: Mention, t: Translator): string {
  const own = m.count - m.quoted;
  const spelled = m.aliases.join(', ');
  if (own === 0) return t('mentionOnlyQuoted', m.quoted);
  if (m.quoted > 0) return spelled ? t('mentionAsAndQuoted', own, spelled, m.quoted) : t('mentionAndQuoted', own, m.quoted);
  return spelled ? t('mentionAs', own, spelled) : t('mentionTimes', own);
}

/** Phrases with their evidence one click away: a reader can check every word against the source. */
function Phrases({ items, class: cls }: { items: EvidencedPhrase[]; class: string }) {
  return (
    <ul class={cls}>
      {items.map((p) => (
        <li key={p.text}>
          <details>
            <summary>{p.text}</summary>
            <blockquote class="evidence">{p.evidence}</blockquote>
          </details>
        </li>
      ))}
    </ul>
  );
}

/** What the tooltip shows and what it can do; every string is rendered as text. */
export interface EntityCardProps {
  /** The entity, with each active pack's facts about it (src/shared/pack-set.ts). */
  card: EntityCard;
  /** The sentence of the page around the hovered name, saved with a note. */
  quote: string;
  onSave(note: { comment: string; tags: string[]; color: NoteColor }): Promise<void>;
  /** Opens the full comparison of one disagreement of one pack. */
  onCompare(disagreementId: string, packId: string): Promise<void>;
  onClose(): void;
}

/**
 * What one pack says about the entity: where its sources disagree about it, how each source
 * names it and frames the story, and which of the pack's sources never name it.
 */
function PackFacts({ entity, pack, onCompare }: { entity: Entity; pack: KnowledgePack; onCompare(id: string): Promise<void> }) {
  const t = useTranslator();
  const sources = pack.sources;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const mentioned = new Set(entity.mentions.map((m) => m.sourceId));
  const silent = sources.filter((s) => !mentioned.has(s.id));
  const disagreements = disagreementsOf(pack, entity.id);
  // Each role is one source's description, in its own words: say whose.
  const roles = [...entity.roles.reduce((m, r) => m.set(r.text, [...(m.get(r.text) ?? []), r.sourceId]), new Map<string, string[]>())];

  return (
    <>
      {roles.length > 0 && (
        <ul class="roles">
          {roles.map(([text, sourceIds]) => (
            <li key={text} class="role">
              {text} <span class="muted">({sourceIds.map((id) => byId.get(id)?.label ?? id).join('; ')})</span>
            </li>
          ))}
        </ul>
      )}
      {disagreements.length > 0 && (
        <section aria-label={t('whereSourcesDisagree')}>
          <h3>{t('whereSourcesDisagree')}</h3>
          <ul class="disagreements">
            {disagreements.map((d) => (
              <li key={d.id} class="disagreement" data-disagreement={d.id}>
                <strong>{d.topic}:</strong>{' '}
                {d.apparent && <span class="apparent">{t('apparentDifferenceLead')} </span>}
                {d.positions.map((p, i) => (
                  <span key={p.sourceId}>
                    {i > 0 && ' · '}
                    {p.position}{' '}
                    <span class="muted">
                      ({[byId.get(p.sourceId)?.label ?? p.sourceId, holderPhrase(p.holder, t), p.dateNote].filter(Boolean).join(', ')})
                    </span>
                  </span>
                ))}{' '}
                <button type="button" class="link" onClick={() => void onCompare(d.id)}>
                  {t('compare')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h3>
        {t('inTheSources')} <span class="muted">{t('countOfTotal', mentioned.size, sources.length)}</span>
      </h3>
      <ul class="mentions">
        {entity.mentions.map((m) => {
          const source = byId.get(m.sourceId);
          const labels = labelPhrases(m, t);
          const framing = sourceFramingNote(pack, m.sourceId, t);
          return (
            <li key={m.sourceId} class="mention" data-source={m.sourceId}>
              <div class="source">
                <strong>{source?.label ?? m.sourceId}</strong>
                {source && source.date !== 'unknown' && <span class="muted"> · {t.day(source.date)}</span>}
                <span class="muted"> · {mentionCount(m, t)}</span>
              </div>
              {labels.length > 0 && <Phrases class="labels" items={labels} />}
              <blockquote>{m.sentence}</blockquote>
              {m.quotes[0] && (
                <p class="quoted">
                  <span class="muted">
                    {m.quotes.length > 1 ? t('quotedByCount', entity.name, source?.label ?? m.sourceId, m.quotes.length) : t('quotedBy', entity.name, source?.label ?? m.sourceId)}
                  </span>{' '}
                  {t('quotedWords', m.quotes[0].quote)}
                </p>
              )}
              {framing.length > 0 && (
                <div class="framing">
                  <span class="muted">{t('framingHeading')}</span>
                  <Phrases class="framing-note" items={framing} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {silent.length > 0 && (
        <p class="silent">
          <span class="muted">{t('neverNamedBy')}</span> {silent.map((s) => s.label).join('; ')}
        </p>
      )}
    </>
  );
}

/**
 * The card shown at a marked name: who it is, then what each active pack's sources say about
 * it (each pack apart, named: its sources, silences and disagreements are its own), and a note form.
 */
export function EntityCardView({ card, quote, onSave, onCompare, onClose }: EntityCardProps) {
  const t = useTranslator();
  const titleId = `crossread-title-${card.id}`;
  return (
    <div class="card" role="dialog" aria-labelledby={titleId} data-entity={card.id}>
      <header>
        <h2 id={titleId}>{card.name}</h2>
        <span class="type">{t(ENTITY_TYPE_NAMES[card.type])}</span>
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      {card.parts.map((part) => (
        <section key={part.packId} class="pack-part" data-pack={part.packId} aria-label={t('packFrom', part.packName)}>
          <p class="pack-name muted">{t('packFrom', part.packName)}</p>
          <PackFacts entity={part.pack.entities.find((e) => e.id === part.entityId) ?? part.pack.entities[0]!} pack={part.pack} onCompare={(id) => onCompare(id, part.packId)} />
        </section>
      ))}
      <NoteForm quote={quote} onSave={onSave} />
      <p class="hint muted">{t('cardKeysHint')}</p>
    </div>
  );
}

/** The card of an entity of one pack (tests and single-pack pages): a card with that pack alone. */
export function EntityTooltip({ entity, pack, packName = pack.story.title, ...rest }: Omit<EntityCardProps, 'card'> & { entity: Entity; pack: KnowledgePack; packName?: string }) {
  const card: EntityCard = { id: entity.id, name: entity.name, type: entity.type, parts: [{ packId: 'pack', packName, entityId: entity.id, pack }] };
  return <EntityCardView card={card} {...rest} />;
}
