import { ReaderError } from '../shared/i18n';
import type { Note } from '../shared/protocol';
import type { CrossreadDb, StagingRecord } from './db';

/**
 * Imports and restores, crash-safe. Notes arrive in chunks (no message carries a whole file)
 * into the `staged` table; the library's `notes` are touched only by `commit`, in one
 * transaction over both tables. A worker stopped at any moment, a full disk or a bad chunk
 * therefore leaves either the library as it was or the library with the whole file in it.
 * Staged rows of an abandoned staging are dropped by the next `begin`.
 */

/** A staging that cannot go on; the message says why. The library was not changed. */
export class StagingError extends ReaderError {
  override name = 'StagingError';
}

/** Rows copied per step of a commit: bounds the worker's memory whatever the library's size. */
const COPY_BATCH = 1_000;

export class Staging {
  constructor(
    private readonly db: CrossreadDb,
    private readonly now: () => number = Date.now,
    private readonly newToken: () => string = () => crypto.randomUUID(),
  ) {}

  /** Starts a staging, ending any other one. */
  async begin(kind: StagingRecord['kind']): Promise<{ token: string; databaseVersion: number }> {
    const token = this.newToken();
    await this.db.transaction('rw', this.db.staged, this.db.meta, async () => {
      await this.db.staged.clear();
      await this.db.meta.put({ key: 'staging', token, kind, startedAt: this.now() });
    });
    return { token, databaseVersion: this.db.verno };
  }

  /** Adds a chunk; answers how many notes are staged in all. */
  async add(token: string, notes: readonly Note[]): Promise<{ staged: number }> {
    return this.db.transaction('rw', this.db.staged, this.db.meta, async () => {
      await this.current(token);
      const ids = notes.map((n) => n.id);
      const twice = ids.find((id, i) => ids.indexOf(id) !== i) ?? (await this.db.staged.bulkGet(ids)).find(Boolean)?.id;
      if (twice !== undefined) throw new StagingError(`The file holds two notes with the id ${twice}. Nothing was changed.`, 'stagingSameId', [twice]);
      await this.db.staged.bulkAdd([...notes]);
      return { staged: await this.db.staged.count() };
    });
  }

  /** Moves what was staged into the library, in one transaction, and ends the staging. */
  async commit(token: string): Promise<{ added: number; skipped: number; notes: number }> {
    return this.db.transaction('rw', this.db.notes, this.db.staged, this.db.meta, async () => {
      const { kind } = await this.current(token);
      const staged = await this.db.staged.count();
      // An import keeps what is stored under an id; a restore replaces everything.
      const kept = kind === 'import' ? new Set<string>(await this.db.notes.toCollection().primaryKeys()) : new Set<string>();
      if (kind === 'restore') await this.db.notes.clear();
      let added = 0;
      for (let after: string | undefined; ; ) {
        const batch = await (after === undefined ? this.db.staged.orderBy(':id') : this.db.staged.where(':id').above(after)).limit(COPY_BATCH).toArray();
        if (batch.length === 0) break;
        const fresh = batch.filter((n) => !kept.has(n.id));
        await this.db.notes.bulkAdd(fresh);
        added += fresh.length;
        after = batch.at(-1)!.id;
      }
      await this.end();
      return { added, skipped: staged - added, notes: await this.db.notes.count() };
    });
  }

  /** Drops a staging (nothing happens if another one has started since). */
  async abort(token: string): Promise<void> {
    await this.db.transaction('rw', this.db.staged, this.db.meta, async () => {
      if ((await this.db.meta.get('staging'))?.token === token) await this.end();
    });
  }

  private async current(token: string): Promise<StagingRecord> {
    const record = await this.db.meta.get('staging');
    if (record?.token !== token) {
      throw new StagingError('Another import or restore was started since this one. Nothing was changed; try again.', 'stagingSuperseded');
    }
    return record;
  }

  private async end(): Promise<void> {
    await this.db.staged.clear();
    await this.db.meta.delete('staging');
  }
}
