/**
 * A process for the data-folder lock tests. Modes:
 * - `race DIR COUNT`: prints "ready", waits for a line on stdin (so every racer starts together),
 *   then enters the lock COUNT times; inside, it checks nobody else is inside and adds one to a
 *   counter file by read, change, write (what loses updates without the lock). Prints
 *   "<sections> <overlaps>".
 * - `hold DIR`: takes the lock (over a stale one if need be) and exits inside its section, leaving
 *   the lock on disk as a process that is still writing does.
 * Usage: node --import tsx tests/helpers/lock-racer.ts MODE DIR [COUNT]
 */
import fs from 'node:fs';
import path from 'node:path';
import { DataLock } from '../../electron/services/data-folder';
import { readyThenWaitForGo } from './child-output';

const [mode, dir, countText] = process.argv.slice(2);
if (!dir || (mode !== 'race' && mode !== 'hold')) throw new Error('usage: lock-racer race|hold DIR [COUNT]');
const lock = DataLock.for(dir);

if (mode === 'hold') {
  lock.run(() => process.exit(0));
} else {
  await readyThenWaitForGo();
  const inside = path.join(dir, 'inside');
  const counter = path.join(dir, 'counter.txt');
  let sections = 0;
  let overlaps = 0;
  for (let i = 0; i < Number(countText ?? '1'); i++) {
    lock.run(() => {
      try {
        fs.mkdirSync(inside);
      } catch {
        overlaps++;
      }
      const before = fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0;
      fs.writeFileSync(counter, String(before + 1));
      fs.rmSync(inside, { recursive: true, force: true });
      sections++;
    });
  }
  process.stdout.write(`${sections} ${overlaps}\n`);
}
