import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { Ticket } from '../db/schema.ts';
import { tickets } from '../db/schema.ts';
import { AppError } from '../errors.ts';

/** Parses a ticket reference: its id, or its number as `INC-000123`. */
export function ticketWhere(ref: string) {
  const number = /^INC-(\d{1,9})$/i.exec(ref)?.[1];
  if (number) return eq(tickets.number, Number(number));
  if (/^[0-9a-f-]{36}$/i.test(ref)) return eq(tickets.id, ref);
  throw new AppError('NOT_FOUND', `ticket ${ref} does not exist`);
}

/** Loads and locks a ticket for the rest of the transaction. */
export async function lockTicket(tx: DbOrTx, ref: string): Promise<Ticket> {
  const [t] = await tx.select().from(tickets).where(ticketWhere(ref)).for('update');
  if (!t) throw new AppError('NOT_FOUND', `ticket ${ref} does not exist`);
  return t;
}
