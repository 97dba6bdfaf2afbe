/**
 * The message catalogues (ICU MessageFormat), one folder per area of the app so that each area's
 * keys live together: `core` (shell, login, board, ticket, button, status), `admin`, `devices`,
 * `reports`, `integrations`. Keys are prefixed by their area. English is complete by definition; the other
 * languages fall back to it key by key (and `catalogues.test.ts` fails when one lacks a key).
 */
import adminEn from './catalogues/admin/en.json' with { type: 'json' };
import adminFa from './catalogues/admin/fa.json' with { type: 'json' };
import adminPl from './catalogues/admin/pl.json' with { type: 'json' };
import adminTr from './catalogues/admin/tr.json' with { type: 'json' };
import coreEn from './catalogues/core/en.json' with { type: 'json' };
import coreFa from './catalogues/core/fa.json' with { type: 'json' };
import corePl from './catalogues/core/pl.json' with { type: 'json' };
import coreTr from './catalogues/core/tr.json' with { type: 'json' };
import devicesEn from './catalogues/devices/en.json' with { type: 'json' };
import devicesFa from './catalogues/devices/fa.json' with { type: 'json' };
import devicesPl from './catalogues/devices/pl.json' with { type: 'json' };
import devicesTr from './catalogues/devices/tr.json' with { type: 'json' };
import integrationsEn from './catalogues/integrations/en.json' with { type: 'json' };
import integrationsFa from './catalogues/integrations/fa.json' with { type: 'json' };
import integrationsPl from './catalogues/integrations/pl.json' with { type: 'json' };
import integrationsTr from './catalogues/integrations/tr.json' with { type: 'json' };
import reportsEn from './catalogues/reports/en.json' with { type: 'json' };
import reportsFa from './catalogues/reports/fa.json' with { type: 'json' };
import reportsPl from './catalogues/reports/pl.json' with { type: 'json' };
import reportsTr from './catalogues/reports/tr.json' with { type: 'json' };
import type { Locale } from './locales.ts';

const en = { ...coreEn, ...adminEn, ...devicesEn, ...reportsEn, ...integrationsEn };

export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, string>>;

export const CATALOGUES: Record<Locale, Catalogue> = {
  en,
  pl: { ...corePl, ...adminPl, ...devicesPl, ...reportsPl, ...integrationsPl },
  tr: { ...coreTr, ...adminTr, ...devicesTr, ...reportsTr, ...integrationsTr },
  fa: { ...coreFa, ...adminFa, ...devicesFa, ...reportsFa, ...integrationsFa },
};
export const ENGLISH: Record<MessageKey, string> = en;
