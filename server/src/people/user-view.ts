import type { User } from '../db/schema.ts';

/** A user as the API shows it: never the password hash. */
export function toUserView(u: User) {
  return {
    id: u.id, email: u.email, name: u.name, role: u.role, siteId: u.siteId, phone: u.phone, language: u.language,
    capacity: u.capacity, available: u.available, disabled: u.disabled,
    createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString(),
  };
}
export type UserView = ReturnType<typeof toUserView>;
