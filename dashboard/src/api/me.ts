/** The signed-in person's own settings: their language (issue 8), through `PATCH /api/auth/me`. */
import type { Locale } from '../i18n/locales.ts';
import { request } from './http.ts';
import { Me } from './schemas.ts';

export const saveMyLanguage = (language: Locale | null) => request('PATCH', '/api/auth/me', Me, { language });
