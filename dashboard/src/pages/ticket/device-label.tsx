/** A device as agents know it: its name, with the generated id as a tooltip (the id alone when the device is gone). */
import type { JSX } from 'preact';

export function DeviceLabel({ id, names }: { id: string; names: ReadonlyMap<string, string> }): JSX.Element {
  const name = names.get(id);
  if (!name) return <bdi class="device-id">{id}</bdi>;
  return <a class="device-label" href={`/devices/${encodeURIComponent(id)}`} title={id}><bdi>{name}</bdi></a>;
}
