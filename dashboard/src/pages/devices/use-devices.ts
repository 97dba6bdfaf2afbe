/**
 * The fleet, kept fresh: the server sends no per-device event yet (presence and telemetry are
 * written by the gateway without one), so the list is asked again every 15 s, and at once when
 * a device-health ticket opens or closes on the live stream.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type Device, devicesApi } from '../../api/devices.ts';
import { listen } from '../../api/events.ts';
import type { ApiError } from '../../api/http.ts';

const REFRESH_MS = 15_000;

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
    const stop = listen({
      ticket: (change) => {
        if (change.ticket.source === 'device_health') reload();
      },
      resync: reload,
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [reload]);
  return { devices, error, reload };
}
