import { callerHub, dockStore, phoneHub } from '../../src/ui/bridge.ts';
import { DockApp } from '../../src/ui/dock/dock-app.tsx';
import { mount } from '../../src/ui/mount.tsx';
import '../../src/ui/phone.css';

mount(<DockApp hub={phoneHub} store={dockStore} callers={callerHub} />);
