// The far end for browser tests: sip.js's SimpleUser in an ordinary web page with the fake
// microphone, so that real WebRTC audio flows to and from the extension. Tests drive it
// through `window.farEnd` with page.evaluate. The `npm start` demo peer uses the same page code
// with generated audio and answering by itself (register's options).
import { Web } from '/sipjs/index.js';
import { generatedAudio } from './generated-audio.js';

const audio = /** @type {HTMLAudioElement} */ (document.getElementById('remote'));
/** @type {string[]} */
const events = [];
/** @type {any} */
let user;

/** Tells the page what happened (the demo peer shows it). */
const tell = (event) => window.dispatchEvent(new CustomEvent('far-end', { detail: event }));
const note = (event) => () => {
  events.push(event);
  tell(event);
};

/** The largest RMS of the stream's audio over `ms`: above about 0.01 is not silence. */
async function energyOf(stream, ms) {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  context.createMediaStreamSource(stream).connect(analyser);
  const buffer = new Float32Array(analyser.fftSize);
  let loudest = 0;
  for (const end = Date.now() + ms; Date.now() < end;) {
    analyser.getFloatTimeDomainData(buffer);
    const rms = Math.sqrt(buffer.reduce((sum, v) => sum + v * v, 0) / buffer.length);
    loudest = Math.max(loudest, rms);
    await new Promise((r) => setTimeout(r, 20));
  }
  await context.close();
  return loudest;
}

window.farEnd = {
  /**
   * Connect and register; resolves once the registrar accepted. Options: `source` of the
   * outgoing audio (`microphone`, the default, or generated `tone` or `echo`), and
   * `autoAnswerMs`, after which an incoming call is answered by itself.
   */
  async register(server, user_, password, options = {}) {
    const { source = 'microphone', autoAnswerMs } = options;
    const received = () => {
      note('received')();
      if (autoAnswerMs === undefined) return;
      // The caller may give up first: then there is nothing left to answer.
      setTimeout(() => user.answer().catch(() => undefined), autoAnswerMs);
    };
    const registered = new Promise((resolve) => {
      user = new Web.SimpleUser(server, {
        aor: `sip:${user_}@sip.test`,
        media: { constraints: { audio: true, video: false }, remote: { audio } },
        userAgentOptions: {
          authorizationUsername: user_,
          authorizationPassword: password,
          logBuiltinEnabled: false,
          ...(source === 'microphone'
            ? {}
            : { sessionDescriptionHandlerFactory: generatedAudio(source) }),
        },
        delegate: {
          onRegistered: () => {
            tell('registered');
            resolve();
          },
          onCallReceived: received,
          onCallAnswered: note('answered'),
          onCallHangup: note('hangup'),
        },
      });
    });
    await user.connect();
    await user.register();
    await registered;
  },
  /** `from`: call as an outside number, e.g. `{ uri: 'sip:+4930…@pbx.example.test' }`. */
  call: (target, from) =>
    user.call(
      target,
      from ? { params: { fromUri: from.uri, fromDisplayName: from.name ?? '' } } : undefined,
    ),
  answer: () => user.answer(),
  hangup: () => user.hangup(),
  hold: (on) => (on ? user.hold() : user.unhold()),
  mute: (on) => (on ? user.mute() : user.unmute()),
  events: () => [...events],
  forget: () => void events.splice(0),
  /** RTP byte counters of the current call. */
  async stats() {
    const pc = user.session?.sessionDescriptionHandler?.peerConnection;
    if (!pc) return null;
    let received = 0;
    let sent = 0;
    (await pc.getStats()).forEach((report) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio')
        received += report.bytesReceived;
      if (report.type === 'outbound-rtp' && report.kind === 'audio') sent += report.bytesSent;
    });
    return { received, sent };
  },
  energy: (ms = 600) => (user.remoteMediaStream ? energyOf(user.remoteMediaStream, ms) : 0),
};
document.title = 'far end ready';
