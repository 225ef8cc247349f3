/** Look of the dock's frame, inside its closed shadow root. The dock page draws the rest. */
export const DOCK_WIDTH = 340;
export const DOCK_HEIGHT = 520;
/** The frame's size while the dock page shows its handle, until it reports its own. */
export const HANDLE_BOX = { width: 200, height: 48 };
export const GRIP_HEIGHT = 12;

export const DOCK_CSS = `
:host { all: initial; position: fixed; z-index: 2147483001; display: block; }
.dock { display: flex; flex-direction: column; align-items: flex-end; }
.grip { all: initial; box-sizing: border-box; display: block; width: 48px;
  height: ${GRIP_HEIGHT}px; border-radius: 6px 6px 0 0; background: #0a7d42; cursor: move;
  touch-action: none; opacity: .75; }
.grip:hover, .grip:focus-visible { opacity: 1; }
.grip:focus-visible { outline: 2px solid #1b5fcc; outline-offset: 1px; }
iframe { all: initial; display: block; border: 0; color-scheme: normal;
  border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / .3); background: transparent; }
.collapsed iframe { box-shadow: none; border-radius: 0; }
`;
