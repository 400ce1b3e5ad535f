import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { placeholderNames } from './shared/i18n';
import { LANGUAGES, MESSAGE_FILES } from './shared/locales';

/**
 * The localisation's conventions: every language has every message with the same
 * placeholders, every message the code or the manifest asks for exists, none is left unused,
 * and no text a reader sees is written in the components themselves.
 */

/** Source files (tests left out) under `dir` whose names match `pattern`. */
function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, pattern);
    return pattern.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const english = MESSAGE_FILES.en!;
const keys = (language: string) => Object.keys(MESSAGE_FILES[language]!).sort();
const PLURAL = /_(?:zero|one|two|few|many|other)$/;
/** The files a message can be used from: the extension's code and its manifest. */
const EXTENSION_CODE = ['src/shared', 'src/platform', 'src/ui', 'src/content', 'src/background', 'src/popup', 'src/pages'].flatMap((d) => files(d, /\.tsx?$/));
const MANIFEST = readFileSync('manifest.json', 'utf8');

describe('the message files', () => {
  it('are English and French, each in its own language', () => {
    expect(LANGUAGES.sort()).toEqual(['en', 'fr']);
    for (const language of LANGUAGES) expect(MESSAGE_FILES[language]!.messagesLanguage!.message).toBe(language);
    expect(JSON.parse(MANIFEST).default_locale).toBe('en');
  });

  it('hold the same keys in every language', () => {
    for (const language of LANGUAGES) expect(keys(language), language).toEqual(keys('en'));
  });

  it('give each message the same placeholders in every language, each one used and filled from $1…$n in order', () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      for (const [key, entry] of Object.entries(MESSAGE_FILES[language]!)) {
        const names = placeholderNames(entry);
        const reference = english[key];
        if (reference && names.join() !== placeholderNames(reference).join()) problems.push(`${language}/${key}: placeholders ${names} differ from English ${placeholderNames(reference)}`);
        if (reference && JSON.stringify(entry.placeholders) !== JSON.stringify(reference.placeholders)) problems.push(`${language}/${key}: placeholder contents differ from English`);
        const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
        for (const name of used) if (!names.includes(name)) problems.push(`${language}/${key}: $${name}$ has no placeholder`);
        for (const name of names) if (!used.includes(name)) problems.push(`${language}/${key}: placeholder ${name} is not in the message`);
        const contents = Object.values(entry.placeholders ?? {}).map((p) => p.content).sort();
        if (contents.join() !== names.map((_, i) => `$${i + 1}`).join()) problems.push(`${language}/${key}: placeholder contents ${contents} are not $1…$${names.length}`);
        if (!entry.message.trim()) problems.push(`${language}/${key}: empty`);
        // "$A$$B$" would read as an escaped dollar between two names: keep placeholders apart.
        if (entry.message.includes('$$')) problems.push(`${language}/${key}: two placeholders side by side (or a $$)`);
        if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${language}/${key}: a key may hold only letters, digits and _`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('give every plural message a “one” and an “other” form, and the count as $1', () => {
    const problems: string[] = [];
    const bases = new Set(keys('en').filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const language of LANGUAGES) {
      for (const base of bases) {
        for (const form of ['one', 'other']) {
          const entry = MESSAGE_FILES[language]![`${base}_${form}`];
          if (!entry) problems.push(`${language}/${base}_${form} missing`);
          else if (entry.placeholders?.count?.content !== '$1') problems.push(`${language}/${base}_${form}: the count is not $1`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('hold every message the manifest and the browser-facing code ask for by name', () => {
    const asked = [...MANIFEST.matchAll(/__MSG_(\w+)__/g), ...EXTENSION_CODE.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/getMessage\(\s*'(\w+)'/g)])].map((m) => m[1]!);
    expect(asked).toContain('extName');
    expect(asked.filter((k) => !(k in english))).toEqual([]);
  });

  it('hold no message the extension never uses', () => {
    const code = [MANIFEST, ...EXTENSION_CODE.map((f) => readFileSync(f, 'utf8'))].join('\n');
    const unused = keys('en').filter((key) => {
      const name = key.replace(PLURAL, '');
      return !new RegExp(`['"\`]${name}['"\`]|__MSG_${name}__`).test(code);
    });
    expect(unused).toEqual([]);
  });
});

/** Attributes whose value a reader sees or hears. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
/** A run of letters: what a word of English looks like (units such as "×" or "—" are not). */
const WORD = /\p{L}{2,}/u;

/** Text written into the JSX of one file: text nodes, read attributes, strings and templates that JSX renders. */
function literalTexts(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  /** Strings an expression renders as it is: the literal itself, either branch of a condition, the right of && and ||. */
  const rendered = (e: ts.Expression): ts.Node[] => {
    if (ts.isParenthesizedExpression(e)) return rendered(e.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
    if (ts.isTemplateExpression(e)) return [e.head, ...e.templateSpans.map((s) => s.literal)];
    if (ts.isConditionalExpression(e)) return [...rendered(e.whenTrue), ...rendered(e.whenFalse)];
    if (ts.isBinaryExpression(e) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) return rendered(e.right);
    return [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) found.push(`${where(node)}: ${node.text.trim()}`);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const s of rendered(node.expression)) if (WORD.test(s.getText())) found.push(`${where(s)}: ${s.getText()}`);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) && node.initializer.expression ? rendered(node.initializer.expression) : [node.initializer];
      for (const s of value) if (WORD.test(s.getText())) found.push(`${where(s)}: ${node.name.getText()}=${s.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the components', () => {
  const components = ['src/ui', 'src/pages', 'src/popup'].flatMap((d) => files(d, /\.tsx$/));

  it('are scanned, and the scan finds English wherever JSX renders it', () => {
    expect(components).toContain(join('src', 'ui', 'OptionsView.tsx'));
    const probe = `const A = ({ t, n, on }) => (
      <p title="Hover me" aria-label={on ? 'Open' : t('close')} data-x="ignored words" placeholder={\`\${n} more\`}>
        Hello {' '} {n > 1 && 'items'} {t('ok')} {n ?? 'none'} · × — {\`\${n}×\`}
        <option value="raw value">{\`Show \${n}\`}</option>
      </p>
    );`;
    expect(literalTexts('probe.tsx', probe).map((f) => f.replace(/^probe\.tsx:\d+: /, ''))).toEqual([
      'title="Hover me"',
      "aria-label='Open'",
      'placeholder=} more\`',
      'Hello',
      "'items'",
      "'none'",
      '\`Show \${',
    ]);
  });

  it('write no word a reader sees: every one is a message', () => {
    expect(components.flatMap((path) => literalTexts(path))).toEqual([]);
  });
});
