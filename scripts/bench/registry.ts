/**
 * Every benchmark suite, in the order `npm run bench` runs them. Add a suite: write a file
 * beside this one exporting a `Suite`, and list it here.
 */
import type { Suite } from './measure.ts';
import { callerCardSuite } from './caller-card.ts';
import { phoneSuite } from './phone.ts';
import { scanSuite } from './scan.ts';

export const suites: Suite[] = [phoneSuite, scanSuite, callerCardSuite];
