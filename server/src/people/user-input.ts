/** What a user record accepts (design §6). The staff-needs-a-site rule is checked on the merged row in save-user.ts. */
import { z } from 'zod';
import { ROLES } from '../db/schema.ts';
import { LOCALES } from '../i18n/locales.ts';

/** A person's language (issue 8); null: the site's, then the browser's. */
export const Language = z.enum(LOCALES).nullable();

export const Email = z.email('must be an e-mail address').max(320).transform((e) => e.toLowerCase());
export const Password = z.string().min(8, 'must be at least 8 characters').max(1000);
const Phone = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{2,39}$/, 'must be a phone number such as +48 600 100 200');

const UserFields = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  /** Staff belong to a site; other roles may name a home site. */
  siteId: z.uuid().nullable().optional(),
  password: Password,
  phone: Phone.nullable().optional(),
  /** Most open tickets auto-assignment gives this agent at once. */
  capacity: z.number().int().min(0).max(1000).optional(),
  available: z.boolean().optional(),
  disabled: z.boolean().optional(),
});

export const UserInput = UserFields;
export type UserInput = z.infer<typeof UserInput>;

export const UserPatch = UserFields.partial();
export type UserPatch = z.infer<typeof UserPatch>;

export const OwnProfilePatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  password: Password.optional(),
  currentPassword: z.string().max(1000).optional(),
  language: Language.optional(),
}).refine((p) => !p.password || p.currentPassword, { path: ['currentPassword'], message: 'required to change the password' });
export type OwnProfilePatch = z.infer<typeof OwnProfilePatch>;

/** What the audit log keeps of a change: never a password, only that it changed. */
export function redactPassword<T extends { password?: string | undefined }>(input: T) {
  const { password, ...rest } = input;
  return password === undefined ? rest : { ...rest, password: '(changed)' };
}
