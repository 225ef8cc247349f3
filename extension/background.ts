// The service worker: the hub. See src/hub.
import { createLogger } from '../src/core/logger.ts';

createLogger('sw').info('started');
