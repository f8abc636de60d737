// One of the toolbar's filters (발급상태, 예약상태): a labelled select in the admin's own look.

export interface FilterSelectProps<V extends string> {
  label: string;
  /** `data-epg-filter` value, for the page and the tests */
  name: string;
  value: V;
  options: ReadonlyArray<readonly [value: V, text: string]>;
  onChange: (value: V) => void;
}

export function FilterSelect<V extends string>({ label, name, value, options, onChange }: FilterSelectProps<V>) {
  return (
    <label class="epg-toolbar__label">
      {label}{' '}
      <select
        class="form-control input-sm epg-select"
        data-epg-filter={name}
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as V)}
      >
        {options.map(([v, text]) => (
          <option value={v}>{text}</option>
        ))}
      </select>
    </label>
  );
}
