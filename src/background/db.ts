import Dexie, { type EntityTable } from 'dexie';
import type { KnowledgePack } from '../shared/knowledge';
import type { EntityGroup } from '../shared/pack-set';
import type { Note } from '../shared/protocol';

/** The import or restore being staged (one at a time; a new one ends the last). */
export interface StagingRecord {
  key: 'staging';
  token: string;
  kind: 'import' | 'restore';
  startedAt: number;
}

/** An installed pack. The bundled one has no `pack`: it is read from the package, so an update brings its new version. */
export interface PackRecord {
  id: string;
  name: string;
  origin: 'bundled' | 'imported' | 'built';
  enabled: boolean;
  installedAt: number;
  pack?: KnowledgePack;
}

/** What the enabled packs make together, computed once whenever they change (src/background/packs-repo.ts). */
export interface ActiveRecord {
  key: 'active';
  /** Changes with every new computation (published with the matcher). */
  version: string;
  /** The enabled packs, in their order. */
  packIds: string[];
  groups: EntityGroup[];
  /** The compiled matcher of every spelling of the enabled packs (src/shared/matcher-binary.ts). */
  matcher: Uint8Array;
}

/**
 * Crossread's IndexedDB database. Every schema change is a new version with an upgrade, and a
 * test opens data written by each earlier version (db.test.ts).
 *
 * - 1: notes by id, url, createdAt, entity ids.
 * - 2: tags (indexed, multi-entry) and a colour on every note; older notes get none and yellow.
 * - 3: no index on entity ids or tags: nothing queries them (the library filters in memory) and
 *   every write paid for them, a third of the time of storing 10,000 notes (npm run bench:notes).
 * - 4: `staged` and `meta` for imports and restores: notes arrive in chunks into `staged`, and
 *   only one transaction moves them into `notes` (src/background/staging.ts).
 * - 5: `packs` (installed knowledge packs) and `active` (what the enabled ones make together).
 */
export class CrossreadDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  staged!: EntityTable<Note, 'id'>;
  meta!: EntityTable<StagingRecord, 'key'>;
  packs!: EntityTable<PackRecord, 'id'>;
  active!: EntityTable<ActiveRecord, 'key'>;

  constructor(name = 'crossread') {
    super(name);
    this.version(1).stores({ notes: 'id, url, createdAt, *entityIds' });
    this.version(2)
      .stores({ notes: 'id, url, createdAt, *entityIds, *tags' })
      .upgrade((tx) =>
        tx
          .table('notes')
          .toCollection()
          .modify((note: Partial<Note>) => {
            note.tags ??= [];
            note.color ??= 'yellow';
          }),
      );
    this.version(3).stores({ notes: 'id, url, createdAt' });
    this.version(4).stores({ notes: 'id, url, createdAt', staged: 'id', meta: 'key' });
    this.version(5).stores({ notes: 'id, url, createdAt', staged: 'id', meta: 'key', packs: 'id', active: 'key' });
  }
}
