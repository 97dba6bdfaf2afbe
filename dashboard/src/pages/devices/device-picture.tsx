/**
 * A drawing of the device with its buttons where they are on the real thing: the ESP32 box
 * (buttons in a row, an LED above each), the Pi panel (two rows of four), a phone for the
 * virtual button. Each button is focusable and says its category; choosing one selects it.
 */
import type { DeviceKind } from '../../api/devices.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type PictureButton = { button: number; category: string | null; color: string | null };
type Props = { kind: DeviceKind; buttons: PictureButton[]; selected: number | null; onSelect?: (button: number) => void };

const FALLBACK_COLORS = ['#2b6cb0', '#2f855a', '#c05621', '#6b46c1', '#c53030', '#b7791f', '#0987a0', '#4a5568'];
const CSS_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

type Slot = { x: number; y: number };
function layout(kind: DeviceKind, n: number): { width: number; height: number; slots: Slot[] } {
  if (kind === 'virtual') return { width: 200, height: 90 + n * 62, slots: [...Array(n).keys()].map((i) => ({ x: 100, y: 85 + i * 62 })) };
  const perRow = kind === 'pi' ? 4 : Math.min(Math.max(n, 1), 4);
  const rows = Math.ceil(n / perRow);
  const width = 60 + perRow * 110;
  return { width, height: 90 + rows * 120, slots: [...Array(n).keys()].map((i) => ({ x: 85 + (i % perRow) * 110, y: 105 + Math.floor(i / perRow) * 120 })) };
}

const shorten = (s: string) => ([...s].length > 12 ? `${[...s].slice(0, 11).join('')}…` : s);

export function DevicePicture({ kind, buttons, selected, onSelect }: Props) {
  const { t } = useI18n();
  const { width, height, slots } = layout(kind, buttons.length);
  const title = t(`devices.picture.${kind}`);
  const activate = (button: number) => onSelect?.(button);
  return (
    <svg class={`device-picture device-picture-${kind}`} viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label={title}>
      {kind === 'virtual'
        ? <rect x="30" y="10" width="140" height={height - 20} rx="22" class="body" />
        : <rect x="10" y="10" width={width - 20} height={height - 20} rx={kind === 'pi' ? 6 : 26} class="body" />}
      <text x={width / 2} y={kind === 'virtual' ? 42 : 40} text-anchor="middle" class="body-label">{title}</text>
      {kind === 'pi' && <rect x={width - 70} y="22" width="40" height="24" rx="3" class="board-chip" />}
      {buttons.map((b, i) => {
        const slot = slots[i]!;
        const fill = b.color && CSS_COLOR.test(b.color) ? b.color : FALLBACK_COLORS[b.button % FALLBACK_COLORS.length]!;
        const name = b.category ?? t('devices.mapping.unmapped');
        const label = t('devices.mapping.buttonLabel', { button: b.button, category: name });
        const isSelected = selected === b.button;
        return (
          <g
            key={b.button}
            class={`picture-button${isSelected ? ' selected' : ''}${b.category ? '' : ' unmapped'}`}
            role={onSelect ? 'button' : 'img'}
            tabindex={onSelect ? 0 : undefined}
            aria-label={label}
            aria-pressed={onSelect ? isSelected : undefined}
            data-button={b.button}
            onClick={() => activate(b.button)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                activate(b.button);
              }
            }}
          >
            {kind === 'virtual' ? (
              <rect x={slot.x - 55} y={slot.y - 25} width="110" height="50" rx="10" fill={b.category ? fill : '#cbd2d9'} class="cap" />
            ) : (
              <>
                {kind !== 'other' && <circle cx={slot.x} cy={slot.y - 42} r="6" class="led" />}
                <circle cx={slot.x} cy={slot.y} r="32" class="ring" />
                <circle cx={slot.x} cy={slot.y} r="26" fill={b.category ? fill : '#cbd2d9'} class="cap" />
              </>
            )}
            {kind === 'virtual'
              ? <text x={slot.x - 45} y={slot.y - 8} text-anchor="middle" class="button-number">{b.button}</text>
              : <text x={slot.x} y={slot.y + 6} text-anchor="middle" class="button-number">{b.button}</text>}
            <text x={slot.x} y={kind === 'virtual' ? slot.y + 5 : slot.y + 52} text-anchor="middle" class="button-category">
              <title>{name}</title>{shorten(name)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
