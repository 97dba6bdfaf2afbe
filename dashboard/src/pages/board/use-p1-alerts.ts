/**
 * The optional alert for new P1 tickets (issue 5): a short tone and a desktop notification.
 * Off until the agent turns it on, since browsers allow sound and notifications only after a
 * click; the choice is kept in this browser.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import type { Ticket } from '../../api/schemas.ts';

const KEY = 'dash.p1-alerts';

function beep(audio: AudioContext) {
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.6);
}

export function useP1Alerts() {
  const [enabled, setEnabled] = useState(() => localStorage.getItem(KEY) === 'on');
  const audio = useRef<AudioContext | null>(null);

  const toggle = useCallback(() => {
    const next = !enabled;
    localStorage.setItem(KEY, next ? 'on' : 'off');
    setEnabled(next);
    if (next) {
      audio.current ??= new AudioContext();
      if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
    }
  }, [enabled]);

  const alert = useCallback((ticket: Ticket, title: string, body: string) => {
    if (!enabled || ticket.priority !== 'P1') return;
    try {
      audio.current ??= new AudioContext();
      if (audio.current.state === 'running') beep(audio.current);
      else void audio.current.resume().then(() => beep(audio.current!), () => {});
    } catch {
      // no audio device: the notification still goes out
    }
    if ('Notification' in window && Notification.permission === 'granted') {
      new Notification(title, { body, tag: ticket.id, icon: '/icon.svg' });
    }
  }, [enabled]);

  return { enabled, toggle, alert };
}
