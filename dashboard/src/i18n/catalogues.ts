/** The message catalogues (ICU MessageFormat). English is complete by definition; the others fall back to it key by key. */
import en from './catalogues/en.json' with { type: 'json' };
import fa from './catalogues/fa.json' with { type: 'json' };
import pl from './catalogues/pl.json' with { type: 'json' };
import tr from './catalogues/tr.json' with { type: 'json' };
import type { Locale } from './locales.ts';

export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, string>>;

export const CATALOGUES: Record<Locale, Catalogue> = { en, pl, tr, fa };
export const ENGLISH: Record<MessageKey, string> = en;
