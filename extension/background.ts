// The service worker: the hub. See src/hub.
import { onCommand } from '../src/hub/commands.ts';
import { startHub } from '../src/hub/index.ts';
import { onNotificationButton } from '../src/hub/notifications.ts';

startHub();

// Headless Chromium can neither click a notification nor press a shortcut, so browser tests
// call the same handlers through the worker's global scope.
Object.assign(globalThis, { ctiHub: { onCommand, onNotificationButton } });
