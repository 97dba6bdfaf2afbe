import { useState } from 'preact/hooks';
import { useSave } from './use-save.ts';

type Entity = { id: string; name: string };
type Api<B> = { create(body: B): Promise<unknown>; update(id: string, body: B): Promise<unknown>; remove(id: string): Promise<unknown> };

/**
 * The list-and-form flow of an admin page: which draft is open, save it (create or update, then
 * close the form and reload the list), delete a row (closing its form if open), each announced.
 */
export function useEditor<D extends { id?: string | null }, B extends { name: string }>(opts: {
  api: Api<B>;
  body(draft: D): B;
  reload(): Promise<unknown>;
  saved(name: string): string;
  deleted(name: string): string;
}) {
  const save = useSave();
  const [editing, setEditing] = useState<D | null>(null);
  const open = (draft: D | null) => {
    save.clear();
    setEditing(draft);
  };
  const submit = async (draft: D) => {
    const body = opts.body(draft);
    const ok = await save.run(() => (draft.id ? opts.api.update(draft.id, body) : opts.api.create(body)), opts.saved(body.name));
    if (ok) {
      setEditing(null);
      await opts.reload();
    }
  };
  const remove = (row: Entity) => save.run(async () => {
    await opts.api.remove(row.id);
    if (editing?.id === row.id) setEditing(null);
    await opts.reload();
  }, opts.deleted(row.name));
  return { save, editing, open, submit, remove };
}
