// The visible side of the demo peer: what it is doing, and buttons to call the agent or hang
// up. The SIP part is the browser tests' far end (/far-end/far-end.js), which `npm start`
// registers with generated audio and answering by itself.
import '/far-end/far-end.js';

const params = new URLSearchParams(location.search);
const user = params.get('user') ?? '';
const agent = params.get('agent') ?? 'sip:agent@sip.test';
const source = params.get('source') ?? 'tone';

const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const STATUS = {
  registered: `Registered as ${user}: waiting for a call.`,
  received: 'Ringing: answers in a moment.',
  answered: 'In a call.',
  hangup: `Call ended. Registered as ${user}: waiting for a call.`,
};

document.title = `Demo far end ${user}`;
byId('who').textContent = user;
byId('about').textContent =
  source === 'echo'
    ? 'It answers calls by itself and sends back what it hears, half a second later.'
    : 'It answers calls by itself and sends a steady two-note tone.';

function show(text) {
  byId('status').textContent = text;
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  byId('log').prepend(item);
}

window.addEventListener('far-end', (event) => {
  const text = STATUS[/** @type {CustomEvent<string>} */ (event).detail];
  if (text) show(text);
});

byId('call').addEventListener('click', () => {
  show(`Calling ${agent}…`);
  window.farEnd.call(agent).catch((error) => show(`Call failed: ${error}`));
});
byId('hangup').addEventListener('click', () => {
  window.farEnd.hangup().catch((error) => show(`Nothing to hang up: ${error}`));
});
