/** The current time, re-rendering once a second: one shared timer for every countdown on the page. */
import { useEffect, useState } from 'preact/hooks';

const subscribers = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  const now = Date.now();
  subscribers.forEach((s) => s(now));
}

export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    subscribers.add(setNow);
    timer ??= setInterval(tick, 1000);
    return () => {
      subscribers.delete(setNow);
      if (subscribers.size === 0) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }, []);
  return now;
}
