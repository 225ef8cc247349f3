// Outgoing audio made in the page instead of taken from a microphone, for the `npm start` demo
// peer: a steady tone, or an echo of what the call receives. It plugs into sip.js as a
// MediaStreamFactory, which gets the session description handler and so its peer connection.
import { Web } from '/sipjs/index.js';

/** Half a second: long enough to hear one's own words come back, short enough to follow. */
const ECHO_DELAY_S = 0.5;

/**
 * A sip.js session description handler factory whose local stream is generated audio.
 * @param {'tone' | 'echo'} kind
 */
export function generatedAudio(kind) {
  /** @type {(constraints: MediaStreamConstraints, handler: any) => Promise<MediaStream>} */
  const factory = async (_constraints, handler) => {
    const context = new AudioContext();
    const out = context.createMediaStreamDestination();
    if (kind === 'tone') toneInto(context, out);
    else echoInto(context, out, handler.peerConnection);
    // The graph lives as long as the call's track: sip.js stops the track when the call ends.
    const [track] = out.stream.getAudioTracks();
    if (track) {
      const stop = track.stop.bind(track);
      track.stop = () => {
        stop();
        void context.close();
      };
    }
    return out.stream;
  };
  return Web.defaultSessionDescriptionHandlerFactory(factory);
}

/** Two soft notes a fifth apart: plainly a test signal, never silent. */
function toneInto(context, out) {
  const gain = context.createGain();
  gain.gain.value = 0.2;
  for (const hz of [440, 660]) {
    const note = context.createOscillator();
    note.frequency.value = hz;
    note.connect(gain);
    note.start();
  }
  gain.connect(out);
}

/** Feeds each received audio track back, delayed, once the peer connection reports it. */
function echoInto(context, out, peerConnection) {
  const delay = context.createDelay(2);
  delay.delayTime.value = ECHO_DELAY_S;
  delay.connect(out);
  peerConnection.addEventListener('track', (/** @type {RTCTrackEvent} */ event) => {
    if (event.track.kind !== 'audio') return;
    context.createMediaStreamSource(new MediaStream([event.track])).connect(delay);
  });
}
