/**
 * The big buttons, one per category. A category with a self-help article shows it first
 * ("Before you report"), so a quick fix needs no ticket; the report is one more tap.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { VirtualButton } from '../../api/schemas.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Button = VirtualButton['buttons'][number];

export function CategoryButtons({ buttons, onPress }: { buttons: Button[]; onPress(button: number, category: string): void }) {
  const { t } = useI18n();
  const [tipFor, setTipFor] = useState<Button | null>(null);
  const tipHeading = useRef<HTMLHeadingElement>(null);
  const grid = useRef<HTMLUListElement>(null);
  const lastPressed = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (tipFor) tipHeading.current?.focus();
    else if (lastPressed.current !== null) grid.current?.querySelector<HTMLButtonElement>(`[data-button="${lastPressed.current}"]`)?.focus();
  }, [tipFor]);
  const nameOf = (b: Button) => b.label || b.category.name;

  if (tipFor) {
    return (
      <section class="tip" aria-labelledby="tip-h">
        <h2 id="tip-h" tabIndex={-1} ref={tipHeading}>{t('button.tipTitle', { category: nameOf(tipFor) })}</h2>
        <p class="tip-text"><bdi>{tipFor.category.kbArticle}</bdi></p>
        <div class="tip-buttons">
          <button type="button" class="primary big" onClick={() => {
            onPress(tipFor.button, nameOf(tipFor));
            setTipFor(null);
          }}>{t('button.reportAnyway')}</button>
          <button type="button" class="big" onClick={() => setTipFor(null)}>{t('button.fixedNow')}</button>
        </div>
      </section>
    );
  }
  return (
    <ul class="category-buttons" ref={grid}>
      {buttons.map((b) => (
        <li key={b.button}>
          <button type="button" class="category-button" data-button={b.button} onClick={() => {
            lastPressed.current = b.button;
            if (b.category.kbArticle) setTipFor(b);
            else onPress(b.button, nameOf(b));
          }}>
            <bdi>{nameOf(b)}</bdi>
          </button>
        </li>
      ))}
    </ul>
  );
}
