// One labelled form control with its Korean error message underneath.
import type { ComponentChildren } from 'preact';

let seq = 0;

export function Field(props: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  required?: boolean;
  wide?: boolean;
  children: (id: string, describedBy: string | undefined) => ComponentChildren;
}) {
  const id = `f-${props.name}-${(seq = (seq + 1) % 1e6)}`;
  const errId = props.error ? `${id}-err` : undefined;
  return (
    <div class={`field${props.wide ? ' field--wide' : ''}${props.error ? ' field--error' : ''}`} data-field={props.name}>
      <label for={id}>
        {props.label}
        {props.required && (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {props.children(id, errId)}
      {props.hint && !props.error && <p class="hint">{props.hint}</p>}
      {props.error && (
        <p class="error" id={errId} role="alert" data-error-for={props.name}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export function TextInput(props: {
  id: string;
  name: string;
  value: string;
  onInput: (v: string) => void;
  describedBy?: string;
  type?: 'text' | 'password' | 'email' | 'tel' | 'url';
  placeholder?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text' | 'url';
  autoComplete?: string;
  invalid?: boolean;
  /** a multi-line field (textarea) of this many rows */
  rows?: number;
}) {
  if (props.rows)
    return (
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows}
        value={props.value}
        placeholder={props.placeholder}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.describedBy}
        onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    );
  return (
    <input
      id={props.id}
      name={props.name}
      type={(props.type ?? 'text') as 'text'}
      value={props.value}
      placeholder={props.placeholder}
      maxLength={props.maxLength}
      inputMode={props.inputMode}
      autoComplete={props.autoComplete ?? 'off'}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy}
      onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
    />
  );
}
