import { useTranslator } from './use-translator';

/** The list that picks which pack in use a view compares with (shown only when there is a choice). */
export function PackChoice({ packs, value, onChange }: { packs: readonly { id: string; name: string }[]; value: string; onChange(id: string): void }) {
  const t = useTranslator();
  if (packs.length < 2) return null;
  return (
    <label class="pack-choice">
      {t('packChoose')}{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {packs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
