import { describe, expect, it } from 'vitest';
import { readBackup } from './backup-file';
import { createTranslator, errorText, fileLookup, ReaderError, type MessageFile } from './i18n';
import { checkImportSize, MAX_IMPORT_BYTES, parseNotesFile } from './note-import';
import { translatorFor } from './locales';

const FILE: MessageFile = {
  greet: { message: 'Hello $WHO$, $Count$ new', placeholders: { who: { content: '$1' }, count: { content: '$2' } } },
  price: { message: 'costs $$5 for $ITEM$', placeholders: { item: { content: '“$1”' } } },
  plain: { message: 'no placeholders' },
};

describe('the message lookup (the browser’s rules for messages.json)', () => {
  const lookup = fileLookup(FILE);
  it('fills named placeholders from their $n content, names and keys case-insensitive', () => {
    expect(lookup('greet', ['Ana', '3'])).toBe('Hello Ana, 3 new');
    expect(lookup('GREET', ['Ana', '3'])).toBe('Hello Ana, 3 new');
  });
  it('keeps placeholder content around the substitution, and $$ is a dollar sign', () => {
    expect(lookup('price', ['tea'])).toBe('costs $5 for “tea”');
  });
  it('answers "" for an unknown key, as i18n.getMessage does', () => {
    expect(lookup('nope', [])).toBe('');
    expect(lookup('plain', ['ignored'])).toBe('no placeholders');
  });
  it('does not substitute inside a substitution', () => {
    expect(lookup('greet', ['$2', 'x'])).toBe('Hello $2, x new');
  });
});

describe('the translator', () => {
  it('shows an unknown key as itself, so a gap is seen', () => {
    const t = createTranslator(() => '', 'en');
    expect(t('close')).toBe('close');
  });
  it('picks plural forms by the messages’ language: French says “0 note”, English “0 notes”', () => {
    const en = translatorFor('en');
    const fr = translatorFor('fr');
    expect([0, 1, 2].map((n) => en.plural('noteCount', n))).toEqual(['0 notes', '1 note', '2 notes']);
    expect([0, 1, 2].map((n) => fr.plural('noteCount', n))).toEqual(['0 note', '1 note', '2 notes']);
    // French has a "many" form for millions; without a message for it, the "other" one is used.
    expect(fr.plural('noteCount', 1_000_000)).toBe('1\u202f000\u202f000 notes');
  });
  it('formats numbers and dates for the UI language, not for English', () => {
    const fr = translatorFor('fr');
    expect(fr.number(1234.5)).toBe('1\u202f234,5');
    expect(fr('doneOfTotal', 2700, 10000)).toBe('2\u202f700 sur 10\u202f000');
    expect(fr.day('2016-09-10')).toBe('10 sept. 2016');
    expect(translatorFor('en').day('2016-09-10')).toBe('Sep 10, 2016');
    expect(translatorFor('en', 'en-GB').day('2016-09-10')).toBe('10 Sept 2016');
    expect(fr.day('unknown')).toBe('unknown');
  });
  it('keeps the messages’ language apart from the formatting locale', () => {
    const t = translatorFor('en', 'de-DE');
    expect(t.language).toBe('en');
    expect(t.plural('noteCount', 1234)).toBe('1.234 notes');
  });
});

describe('errors a reader is shown', () => {
  /** The error `run` throws. */
  const thrown = async (run: () => unknown): Promise<unknown> => {
    try {
      await run();
    } catch (err) {
      return err;
    }
    throw new Error('nothing was thrown');
  };

  it('read in English exactly as their own message, and in French from the French file', async () => {
    const en = translatorFor('en');
    const fr = translatorFor('fr');
    const errors = [
      await thrown(() => checkImportSize(MAX_IMPORT_BYTES * 2)),
      await thrown(() => parseNotesFile('{"not json')),
      await thrown(() => parseNotesFile('{"a": 1}')),
      await thrown(() => parseNotesFile(JSON.stringify({ annotations: [1] }))),
      await thrown(() => parseNotesFile(JSON.stringify({ type: 'Annotation', id: 'urn:x:1', body: [] }))),
      await thrown(() => parseNotesFile(JSON.stringify({ annotations: [{ uri: '', target: [] }] }))),
      await thrown(() => readBackup(new Blob([]), { databaseVersion: 1, onNotes: async () => {} })),
      await thrown(() => readBackup(new Blob(['{"formatName":"dexie","formatVersion":1,"data":{"databaseVersion":99}}']), { databaseVersion: 1, onNotes: async () => {} })),
    ];
    for (const err of errors) {
      expect(err).toBeInstanceOf(ReaderError);
      expect(errorText(err, en)).toBe((err as Error).message);
      expect(errorText(err, fr)).not.toBe((err as Error).message);
      expect(errorText(err, fr)).toMatch(/Rien n’a été (?:importé|modifié)\.$/);
    }
    expect(errorText(errors[0], fr)).toBe('Le fichier fait 100,0 Mo\u202f; Crossread importe des fichiers de 50 Mo au plus. Rien n’a été importé.');
    // Any other error shows its own message.
    expect(errorText(new Error('disk full'), fr)).toBe('disk full');
  });
});
