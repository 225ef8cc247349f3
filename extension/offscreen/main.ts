// The offscreen document: hosts the phone engine. See src/offscreen.
import { Phone, validateAccount } from '../../src/engine/index.ts';
import { startHost } from '../../src/offscreen/host.ts';

startHost({ createPhone: (options) => new Phone(options), validateAccount });
