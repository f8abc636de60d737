// Form controls bound to the options model: each reads its value and error from the model's signals.
import type { SettingsForm } from '../../lib/validate/settings-form';
import { t } from '../common/i18n';
import { Field, TextInput } from './Field';
import type { OptionsModel } from './model';

type TextKey = { [K in keyof SettingsForm]: SettingsForm[K] extends string ? K : never }[keyof SettingsForm];

export function TextField(props: {
  m: OptionsModel;
  name: TextKey;
  label: string;
  hint?: string;
  required?: boolean;
  wide?: boolean;
  placeholder?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text' | 'url';
  type?: 'text' | 'password' | 'email' | 'tel' | 'url';
  rows?: number;
}) {
  const { m, name } = props;
  const error = m.errors.value[name];
  return (
    <Field label={props.label} name={name} error={error} hint={props.hint} required={props.required} wide={props.wide}>
      {(id, describedBy) => (
        <TextInput
          id={id}
          name={name}
          type={props.type}
          value={String(m.form.value![name] ?? '')}
          placeholder={props.placeholder}
          maxLength={props.maxLength}
          inputMode={props.inputMode}
          rows={props.rows}
          describedBy={describedBy}
          invalid={!!error}
          onInput={(v) => m.setField(name, v as never)}
        />
      )}
    </Field>
  );
}

/** A write-only secret: the stored value is never shown, only whether one is set. */
export function SecretField(props: {
  m: OptionsModel;
  name: 'apiKey' | 'securityKey' | 'traceKey' | 'dataGoKrKey';
  label: string;
  length?: number;
  hint?: string;
  required?: boolean;
}) {
  const { m, name } = props;
  const isSet = m.secretsSet.value[name];
  const error = m.errors.value[name];
  return (
    <Field label={props.label} name={name} error={error} hint={props.hint} required={props.required && !isSet}>
      {(id, describedBy) => (
        <div class="secret">
          <TextInput
            id={id}
            name={name}
            type="password"
            autoComplete="new-password"
            value={m.form.value![name]}
            placeholder={isSet ? t('optionsSecretKeepPlaceholder') : props.length ? t('optionsSecretLength', props.length) : ''}
            describedBy={describedBy}
            invalid={!!error}
            onInput={(v) => m.setField(name, v)}
          />
          <span class={`secret__state ${isSet ? 'is-set' : ''}`} data-secret-state={name}>
            {isSet ? t('optionsSecretSet') : t('optionsSecretUnset')}
          </span>
        </div>
      )}
    </Field>
  );
}

export function SelectField<K extends keyof SettingsForm>(props: {
  m: OptionsModel;
  name: K;
  label: string;
  options: Array<[value: string, label: string]>;
  hint?: string;
}) {
  const { m, name } = props;
  const error = m.errors.value[name];
  return (
    <Field label={props.label} name={String(name)} error={error} hint={props.hint}>
      {(id, describedBy) => (
        <select
          id={id}
          name={String(name)}
          aria-describedby={describedBy}
          value={String(m.form.value![name])}
          onChange={(e) => m.setField(name, (e.currentTarget as HTMLSelectElement).value as SettingsForm[K])}
        >
          {props.options.map(([v, label]) => (
            <option value={v} key={v}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Two-choice toggle (사용 / 사용안함), shown as a segmented control. */
export function Toggle(props: {
  m: OptionsModel;
  name: 'labelPrinter' | 'testMode' | 'returnClaimStatus' | 'reserveAfterIssue';
  label: string;
  on: string;
  off: string;
  hint?: string;
}) {
  const { m, name } = props;
  const value = m.form.value![name];
  return (
    <div class="field" data-field={name}>
      <span class="label">{props.label}</span>
      <div class="segmented" role="radiogroup" aria-label={props.label}>
        <button type="button" role="radio" aria-checked={value} class={value ? 'on' : ''} onClick={() => m.setField(name, true)}>
          {props.on}
        </button>
        <button type="button" role="radio" aria-checked={!value} class={!value ? 'on' : ''} onClick={() => m.setField(name, false)}>
          {props.off}
        </button>
      </div>
      {props.hint && <p class="hint">{props.hint}</p>}
    </div>
  );
}
