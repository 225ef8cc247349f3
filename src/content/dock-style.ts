/** Look of the dock, inside its closed shadow root. */
export const DOCK_WIDTH = 340;
export const DOCK_HEIGHT = 520;
export const HANDLE_SIZE = 44;

export const DOCK_CSS = `
:host { all: initial; position: fixed; z-index: 2147483001; display: block; }
.dock { font: 13px/1.3 system-ui, sans-serif; color: #1d2327; }
.handle { all: initial; box-sizing: border-box; width: ${HANDLE_SIZE}px; height: ${HANDLE_SIZE}px;
  padding: 11px; border-radius: 50%; background: #0a7d42; color: #fff; cursor: pointer;
  box-shadow: 0 2px 6px rgb(0 0 0 / .35); display: block; }
.handle:focus-visible, button:focus-visible { outline: 2px solid #1b5fcc; outline-offset: 2px; }
.handle svg { display: block; width: 100%; height: 100%; fill: currentColor; }
.panel { width: ${DOCK_WIDTH}px; height: ${DOCK_HEIGHT}px; display: flex; flex-direction: column;
  background: #fff; border-radius: 8px; overflow: hidden; box-shadow: 0 4px 16px rgb(0 0 0 / .3); }
.bar { display: flex; align-items: center; gap: 4px; height: 28px; padding: 0 4px;
  background: #0a7d42; color: #fff; }
.bar button { all: initial; font: inherit; color: inherit; cursor: pointer; padding: 2px 6px;
  border-radius: 4px; }
.bar .grip { cursor: move; flex: 1; letter-spacing: 2px; touch-action: none; }
.bar button:hover { background: rgb(255 255 255 / .15); }
iframe { border: 0; flex: 1; width: 100%; }
[hidden] { display: none !important; }
`;
