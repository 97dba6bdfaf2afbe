/**
 * The fleet, kept fresh: reloaded shortly after a `device.updated` event (presence or telemetry
 * written by the in-process gateway; many in a burst make one reload) and when a device-health
 * ticket opens or closes. A split gateway sends no such events, so the list is also asked
 * again every 15 s.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type Device, devicesApi } from '../../api/devices.ts';
import { listen } from '../../api/events.ts';
import type { ApiError } from '../../api/http.ts';

const REFRESH_MS = 15_000;
const COALESCE_MS = 500;

export function useDevices(): { devices: Device[] | null; error: ApiError | null; reload(): void } {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(() => {
    devicesApi.list().then((list) => {
      setDevices(list);
      setError(null);
    }, setError);
  }, []);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, REFRESH_MS);
    let soon: ReturnType<typeof setTimeout> | undefined;
    const stop = listen({
      device: () => {
        soon ??= setTimeout(() => {
          soon = undefined;
          reload();
        }, COALESCE_MS);
      },
      ticket: (change) => {
        if (change.ticket.source === 'device_health') reload();
      },
      resync: reload,
    });
    return () => {
      clearInterval(timer);
      clearTimeout(soon);
      stop();
    };
  }, [reload]);
  return { devices, error, reload };
}
