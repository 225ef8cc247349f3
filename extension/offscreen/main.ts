// The offscreen document: hosts the phone engine. See src/offscreen.
import { startHost } from '../../src/offscreen/host.ts';

// TODO(#3): pass the engine's `Phone` and `validateAccount` once src/engine has landed.
const notBuilt = (): never => {
  throw new Error('the phone engine is not part of this build yet');
};
startHost({ createPhone: notBuilt, validateAccount: notBuilt });
