/** The buttons on the picture of the device; an admin picks one and chooses its category. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Device, devicesApi } from '../../api/devices.ts';
import type { ApiError } from '../../api/http.ts';
import type { Category } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { errorText } from '../../ui/states.tsx';
import { DevicePicture } from './device-picture.tsx';

type Props = { device: Device; categories: ReadonlyMap<string, Category>; editable: boolean; onChange(device: Device): void };

export function ButtonMapping({ device, categories, editable, onChange }: Props) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [selected, setSelected] = useState<number | null>(null);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const mapped = new Map(device.buttons.map((b) => [b.button, b]));
  const count = Math.max(device.buttonCount, ...device.buttons.map((b) => b.button + 1));
  const buttons = [...Array(count).keys()].map((button) => {
    const m = mapped.get(button);
    return { button, category: m ? (m.label ?? categories.get(m.categoryId)?.name ?? '?') : null, color: m?.color ?? null };
  });
  useEffect(() => {
    if (selected !== null) select.current?.focus();
  }, [selected]);

  const pick = (button: number) => {
    setSelected(button);
    setChoice(mapped.get(button)?.categoryId ?? '');
    setError(null);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (selected === null) return;
    setBusy(true);
    try {
      const next = choice ? await devicesApi.mapButton(device.id, selected, choice) : await devicesApi.unmapButton(device.id, selected);
      onChange(next);
      announce(t('devices.mapping.saved', { button: selected, category: choice ? categories.get(choice)?.name ?? '' : t('devices.mapping.unmapped') }));
      setSelected(null);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const options = [...categories.values()].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div class="mapping">
      <DevicePicture kind={device.kind} buttons={buttons} selected={selected} {...(editable && { onSelect: pick })} />
      {editable && (selected === null
        ? <p class="muted">{t('devices.mapping.hint')}</p>
        : (
          <form class="mapping-form" onSubmit={save} aria-labelledby="mapping-form-title">
            <h3 id="mapping-form-title">{t('devices.mapping.formTitle', { button: selected })}</h3>
            <label for="mapping-category">{t('devices.mapping.category')}</label>
            <select id="mapping-category" ref={select} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
              <option value="">{t('devices.mapping.none')}</option>
              {options.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
            {error && <p class="form-error" role="alert">{errorText(t, error)}</p>}
            <div class="form-buttons">
              <button type="submit" class="primary" disabled={busy}>{t('devices.mapping.save')}</button>
              <button type="button" onClick={() => setSelected(null)}>{t('devices.cancel')}</button>
            </div>
          </form>
        ))}
      <ul class="mapping-list">
        {buttons.map((b) => <li key={b.button}>{t('devices.mapping.buttonLabel', { button: b.button, category: b.category ?? t('devices.mapping.unmapped') })}</li>)}
      </ul>
    </div>
  );
}
