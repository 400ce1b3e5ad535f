import * as v from 'valibot';
import { BUNDLED_MATCHER_OPTIONS } from '../shared/bundled-matcher';
import { describeIssue } from '../shared/describe-issue';
import { ReaderError } from '../shared/i18n';
import { PackSchema, type KnowledgePack } from '../shared/knowledge';
import { Matcher } from '../shared/matcher';
import { matcherToBytes } from '../shared/matcher-binary';
import { cardSlice, mergePacks, packProblem, type InstalledPack } from '../shared/pack-set';
import type { EntityCard, PackSummary } from '../shared/protocol';
import type { ActiveRecord, CrossreadDb, PackRecord } from './db';

/** The bundled pack's id in the list of packs. */
export const BUNDLED_PACK_ID = 'bundled';

/** What the repository needs beyond the database: the bundled pack, and where pages find the matcher. */
export interface PacksEffects {
  /** The pack shipped in the package (loaded only when the active set is computed or a card needs it). */
  bundledPack(): Promise<KnowledgePack>;
  /** Publishes the active packs' compiled matcher for content scripts; `undefined`: only the bundled pack is active (pages load the packaged one). */
  publishMatcher(matcher: { version: string; bytes: Uint8Array } | undefined): Promise<void>;
}

const summaryOf = (record: PackRecord, pack: KnowledgePack): PackSummary => ({
  id: record.id,
  name: record.name,
  origin: record.origin,
  enabled: record.enabled,
  installedAt: record.installedAt,
  story: pack.story.title,
  sources: pack.sources.map((s) => s.label),
  entityCount: pack.entities.length,
  disagreementCount: pack.disagreements.length,
});

/** The longest name a pack may have (a longer one is cut). */
const MAX_NAME = 120;

/**
 * Installed knowledge packs and what the enabled ones make together (README "Packs"). Every
 * change recomputes, once, the merged entities and the compiled matcher of the enabled packs,
 * stores them, and publishes the matcher for content scripts, which load it without compiling.
 */
export class PacksRepo {
  constructor(
    private readonly db: CrossreadDb,
    private readonly effects: PacksEffects,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => `p${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`,
  ) {}

  /** Every pack, the bundled one first, then in the order they were installed. */
  private async records(): Promise<PackRecord[]> {
    const stored = await this.db.packs.toArray();
    const bundled = stored.find((r) => r.id === BUNDLED_PACK_ID) ?? { id: BUNDLED_PACK_ID, name: '', origin: 'bundled', enabled: true, installedAt: 0 };
    return [bundled, ...stored.filter((r) => r.id !== BUNDLED_PACK_ID).sort((a, b) => a.installedAt - b.installedAt || a.id.localeCompare(b.id))];
  }

  private async packOf(record: PackRecord): Promise<KnowledgePack> {
    if (record.pack) return record.pack;
    if (record.origin === 'bundled') return this.effects.bundledPack();
    throw new Error(`pack ${record.id} has no content`);
  }

  private async installed(record: PackRecord): Promise<InstalledPack> {
    const pack = await this.packOf(record);
    return { id: record.id, name: record.origin === 'bundled' ? pack.story.title : record.name, pack };
  }

  /** Every pack with what a reader needs to choose: its story, sources and counts. */
  async list(): Promise<PackSummary[]> {
    return Promise.all(
      (await this.records()).map(async (r) => {
        const { name, pack } = await this.installed(r);
        return summaryOf({ ...r, name }, pack);
      }),
    );
  }

  /**
   * Validates a pack against the schema and installs it, enabled. A pack that does not validate
   * is refused with the first problem and where it is; packs already installed stay untouched.
   */
  async install(name: string, candidate: unknown, origin: 'imported' | 'built'): Promise<PackSummary> {
    const version = (candidate as { schemaVersion?: unknown } | null)?.schemaVersion;
    const expected = PackSchema.entries.schemaVersion.literal;
    if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) throw new ReaderError('This file is not a knowledge pack: it holds no pack object.', 'packNotAPack');
    if (version !== expected) throw new ReaderError(`This pack was made for another version of Crossread (pack format ${String(version)}; this one reads ${expected}). Build it again with this version.`, 'packWrongVersion', [String(version), String(expected)]);
    const parsed = v.safeParse(PackSchema, candidate);
    const problem = parsed.success ? packProblem(parsed.output) : describeIssue(parsed.issues[0], 'pack');
    if (problem !== undefined || !parsed.success) throw new ReaderError(`This pack is not valid, so nothing was installed: ${problem}`, 'packInvalid', [String(problem)]);
    const pack = parsed.output;
    const record: PackRecord = { id: this.newId(), name: (name.trim() || pack.story.title).slice(0, MAX_NAME), origin, enabled: true, installedAt: this.now(), pack };
    await this.db.transaction('rw', this.db.packs, () => this.db.packs.add(record));
    await this.refreshOrUndo(() => this.db.packs.delete(record.id));
    return summaryOf(record, pack);
  }

  /** Turns a pack on or off for every page. */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const record = (await this.records()).find((r) => r.id === id);
    if (!record) throw new ReaderError('This pack is no longer installed.', 'packGone');
    await this.db.transaction('rw', this.db.packs, () => this.db.packs.put({ ...record, enabled }));
    await this.refreshOrUndo(async () => void (await this.db.packs.put(record)));
  }

  /**
   * Recomputes the active set after a change; when that fails (the browser refuses to store
   * the compiled matcher: `storage.local` holds 10 MB without the unlimitedStorage permission,
   * about 18,000 aliases), the change is undone and the set recomputed as it was, so the
   * installed packs stay as they were and pages keep marking with them.
   */
  private async refreshOrUndo(undo: () => Promise<unknown>): Promise<void> {
    try {
      await this.refresh();
    } catch (err) {
      await this.db.transaction('rw', this.db.packs, undo);
      await this.refresh();
      const reason = err instanceof Error ? err.message : String(err);
      throw new ReaderError(`The packs in use could not be made ready for pages (${reason}), so nothing was changed.`, 'packNotReady', [reason]);
    }
  }

  /** Deletes an installed pack (the bundled one can only be turned off). */
  async remove(id: string): Promise<boolean> {
    if (id === BUNDLED_PACK_ID) throw new ReaderError('The bundled pack can be turned off but not deleted.', 'packBundledStays');
    const existed = (await this.db.packs.get(id)) !== undefined;
    await this.db.transaction('rw', this.db.packs, () => this.db.packs.delete(id));
    await this.refresh();
    return existed;
  }

  /**
   * Computes what the enabled packs make together (merged entities, one compiled matcher),
   * stores it, and publishes the matcher. Run on every change and when the extension is
   * installed or updated (the bundled pack may have changed).
   */
  async refresh(): Promise<ActiveRecord> {
    const enabled = await Promise.all((await this.records()).filter((r) => r.enabled).map((r) => this.installed(r)));
    const set = mergePacks(enabled);
    const matcher = matcherToBytes(new Matcher(set.patterns, BUNDLED_MATCHER_OPTIONS));
    const active: ActiveRecord = { key: 'active', version: `${this.now().toString(36)}-${this.newId()}`, packIds: enabled.map((p) => p.id), groups: set.groups, matcher };
    await this.db.transaction('rw', this.db.active, () => this.db.active.put(active));
    const bundledOnly = active.packIds.length === 1 && active.packIds[0] === BUNDLED_PACK_ID;
    await this.effects.publishMatcher(bundledOnly ? undefined : { version: active.version, bytes: matcher });
    return active;
  }

  private async activeRecord(): Promise<ActiveRecord> {
    return (await this.db.active.get('active')) ?? this.refresh();
  }

  /** The enabled packs in their order, with the merged entities (popup, compare view, library). */
  async active(): Promise<{ packs: InstalledPack[]; groups: ActiveRecord['groups'] }> {
    const { packIds, groups } = await this.activeRecord();
    const records = await this.records();
    const packs = await Promise.all(packIds.flatMap((id) => records.filter((r) => r.id === id)).map((r) => this.installed(r)));
    return { packs, groups };
  }

  /** What a card shows for a marked entity: each enabled pack's facts about it, apart. */
  async card(entityId: string): Promise<EntityCard | undefined> {
    const { groups } = await this.activeRecord();
    const group = groups.find((g) => g.id === entityId);
    if (!group) return undefined;
    const records = await this.records();
    const parts = await Promise.all(
      group.members.map(async ({ packId, entityId: id }) => {
        const record = records.find((r) => r.id === packId);
        if (!record) return undefined;
        const { name, pack } = await this.installed(record);
        const slice = cardSlice(pack, id);
        return slice && { packId, packName: name, entityId: id, pack: slice };
      }),
    );
    return { id: group.id, name: group.name, type: group.type, parts: parts.filter((p) => p !== undefined) };
  }
}
