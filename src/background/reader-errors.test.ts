import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { errorText, ReaderError } from '../shared/i18n';
import { translatorFor } from '../shared/locales';
import { CrossreadDb } from './db';
import { explainStorageError } from './handlers';
import { NotesRepo } from './notes-repo';
import { Staging } from './staging';

/** The worker's errors a reader sees: worded by the English file exactly as their own message, and in French by the French one. */
describe('the worker’s errors a reader is shown', () => {
  it('are messages in English and French', async () => {
    const db = new CrossreadDb(`reader-errors-${crypto.randomUUID()}`);
    const rejection = (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => err);
    const errors = [
      await rejection(new NotesRepo(db).update({ id: 'gone', comment: '', tags: [], color: 'yellow' })),
      await rejection(new Staging(db).add('no-such-token', [])),
      explainStorageError(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })),
    ];
    const [en, fr] = [translatorFor('en'), translatorFor('fr')];
    for (const err of errors) {
      expect(err).toBeInstanceOf(ReaderError);
      expect(errorText(err, en)).toBe((err as Error).message);
      expect(errorText(err, fr)).not.toBe((err as Error).message);
    }
    expect(errorText(errors[0], fr)).toBe('Aucune note avec l’identifiant gone\u00a0: elle a peut-être été supprimée.');
    db.close();
  });
});
