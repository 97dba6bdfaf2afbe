/**
 * A labelled form control with its hint and its error (from the server's VALIDATION answer),
 * tied together by id and aria-describedby so screen readers read all three.
 */
import type { ComponentChildren, VNode } from 'preact';
import { useId } from 'preact/hooks';

export type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

export function Field({ label, error, hint, wide = false, children }: {
  label: ComponentChildren;
  error?: string | undefined;
  hint?: ComponentChildren;
  wide?: boolean;
  children: (control: ControlProps) => VNode;
}) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, ...(error && { 'aria-invalid': true }), ...(described && { 'aria-describedby': described }) })}
      {hint && <p id={`${id}-hint`} class="field-hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

/** A checkbox with its label after it. */
export function CheckField({ label, checked, onChange, hint }: {
  label: ComponentChildren; checked: boolean; onChange: (checked: boolean) => void; hint?: ComponentChildren;
}) {
  const id = useId();
  return (
    <div class="field field-check">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} {...(hint && { 'aria-describedby': `${id}-hint` })} />
      <label for={id}>{label}</label>
      {hint && <p id={`${id}-hint`} class="field-hint">{hint}</p>}
    </div>
  );
}

/** A group of checkboxes choosing several of `options` (e.g. the priorities a policy applies to). */
export function MultiCheck<V extends string>({ legend, options, value, onChange, hint }: {
  legend: ComponentChildren; options: readonly { value: V; label: ComponentChildren }[]; value: readonly V[]; onChange: (value: V[]) => void;
  hint?: ComponentChildren;
}) {
  const id = useId();
  return (
    <fieldset class="field field-wide multi-check" {...(hint && { 'aria-describedby': `${id}-hint` })}>
      <legend>{legend}</legend>
      {hint && <p id={`${id}-hint`} class="field-hint">{hint}</p>}
      <div class="multi-check-options">
        {options.map((o) => (
          <label key={o.value} class="check-option">
            <input
              type="checkbox" checked={value.includes(o.value)}
              onChange={(e) => onChange(e.currentTarget.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
