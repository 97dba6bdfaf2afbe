/**
 * Child process for the kill-and-replay test: records presses (acking some), prints each id
 * once record() has returned, then waits to be killed. Usage: <dir> <count> <ackEvery>
 */
import { Outbox } from '../src/outbox.ts';

const [dir, count, ackEvery] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const outbox = Outbox.open(dir, { compactAfter: 3 });
for (let i = 0; i < count; i++) {
  const press = outbox.record({ button: i % 8, action: 'single', pressedAt: 1_767_225_600_000 + i, synced: true });
  if (ackEvery > 0 && i % ackEvery === 0) outbox.ack(press.pressId);
  process.stdout.write(`${press.pressId}${ackEvery > 0 && i % ackEvery === 0 ? ' acked' : ''}\n`);
}
setInterval(() => {}, 60_000); // hang until SIGKILL
