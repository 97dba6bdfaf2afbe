/** The app speaks the server's languages, chosen by the same rule: one list for both (issue 8). */
export * from '../../../server/src/i18n/locales.ts';
